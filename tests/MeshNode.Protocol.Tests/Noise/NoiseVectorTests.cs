using System.Text.Json;
using MeshNode.Protocol.Noise;
using MeshNode.Protocol.Tests.Crypto;
using MeshNode.Testing;

namespace MeshNode.Protocol.Tests.Noise;

/// <summary>Replays every NN, XX and IK entry of the three shared Noise vector files byte for byte.</summary>
public sealed class NoiseVectorTests
{
    private static readonly string[] Files =
    [
        "cacophony-25519-sha256.json",
        "snow-25519-sha256.json",
        "noise-c-basic-25519-sha256.json",
    ];

    private static readonly HashSet<string> Supported =
    [
        "Noise_NN_25519_ChaChaPoly_SHA256",
        "Noise_XX_25519_ChaChaPoly_SHA256",
        "Noise_XX_25519_AESGCM_SHA256",
        "Noise_IK_25519_ChaChaPoly_SHA256",
    ];

    public static TheoryData<string, int, string> Entries()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var file in Files)
        {
            var vectors = Load(file);
            for (var i = 0; i < vectors.Count; i++)
            {
                data.Add(file, i, NameOf(vectors[i]));
            }
        }

        return data;
    }

    [Fact]
    public void Every_entry_of_the_three_files_is_replayed()
    {
        // 4 entries per file: NN, XX, XX with AESGCM and IK; none may be skipped silently.
        var names = Entries().Select(row => (string)row[2]).ToList();
        Assert.Equal(12, names.Count);
        Assert.All(names, name => Assert.Contains(name, Supported));
        Assert.Equal(3, names.Count(n => n == "Noise_IK_25519_ChaChaPoly_SHA256"));
        Assert.Equal(3, names.Count(n => n == "Noise_XX_25519_AESGCM_SHA256"));
        var messages = Files.SelectMany(Load).Sum(v => v.GetProperty("messages").GetArrayLength());
        Assert.Equal(66, messages);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Reproduces_vector_byte_for_byte(string file, int index, string protocolName)
    {
        var vector = Load(file)[index];
        var protocol = NoiseProtocol.Parse(protocolName);
        var random = new DeterministicRandomSource(1);
        using var initiator = new HandshakeState(
            protocol,
            initiator: true,
            Bytes(vector, "init_prologue"),
            random,
            localStatic: Bytes(vector, "init_static"),
            remoteStatic: Bytes(vector, "init_remote_static"),
            localEphemeral: Bytes(vector, "init_ephemeral"));
        using var responder = new HandshakeState(
            protocol,
            initiator: false,
            Bytes(vector, "resp_prologue"),
            random,
            localStatic: Bytes(vector, "resp_static"),
            localEphemeral: Bytes(vector, "resp_ephemeral"));

        var messages = vector.GetProperty("messages").EnumerateArray().ToList();
        var handshakeCount = protocol.Pattern.Messages.Count;
        for (var i = 0; i < handshakeCount; i++)
        {
            var (sender, receiver) = i % 2 == 0 ? (initiator, responder) : (responder, initiator);
            var payload = Bytes(messages[i], "payload");
            var written = sender.WriteMessage(payload);
            Assert.Equal(Text(messages[i], "ciphertext"), Hex.Encode(written));
            Assert.Equal(Hex.Encode(payload), Hex.Encode(receiver.ReadMessage(written)));
        }

        Assert.True(initiator.IsComplete);
        Assert.True(responder.IsComplete);
        Assert.Equal(Hex.Encode(initiator.GetHandshakeHash()), Hex.Encode(responder.GetHandshakeHash()));
        if (vector.TryGetProperty("handshake_hash", out var hash))
        {
            Assert.Equal(hash.GetString(), Hex.Encode(initiator.GetHandshakeHash()));
        }

        var (initSend, initReceive) = initiator.Split();
        var (respSend, respReceive) = responder.Split();
        using (initSend)
        using (initReceive)
        using (respSend)
        using (respReceive)
        {
            for (var i = handshakeCount; i < messages.Count; i++)
            {
                var (send, receive) = i % 2 == 0 ? (initSend, respReceive) : (respSend, initReceive);
                var payload = Bytes(messages[i], "payload");
                var written = send.EncryptWithAd([], payload);
                Assert.Equal(Text(messages[i], "ciphertext"), Hex.Encode(written));
                Assert.Equal(Hex.Encode(payload), Hex.Encode(receive.DecryptWithAd([], written)));
            }
        }
    }

    private static List<JsonElement> Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestPaths.Vector("noise", file)));
        return document.RootElement.GetProperty("vectors").EnumerateArray().Select(v => v.Clone()).ToList();
    }

    private static string NameOf(JsonElement vector) =>
        (vector.TryGetProperty("protocol_name", out var name) ? name : vector.GetProperty("name")).GetString()!;

    private static byte[] Bytes(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? Hex.Decode(value.GetString()) : [];

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
