using Microsoft.Data.Sqlite;

namespace MeshNode.Core.Store;

/// <summary>Known peers and the trust-on-first-use rules.</summary>
internal sealed class PeerTable(MeshStoreSettings settings)
{
    /// <summary>Endpoints remembered per peer; a peer cannot make us store an unbounded list.</summary>
    private const int MaxEndpoints = 16;

    private const string Columns =
        "node_id, display_name, identity_key, sealing_key, first_seen, last_seen, last_endpoints, trust_state, pending_identity_key, pending_sealing_key";

    public TofuResult Check(SqliteTransaction transaction, PeerSighting sighting)
    {
        var known = Get(transaction, sighting.NodeId);
        var endpoints = string.Join('\n', sighting.Endpoints.Take(MaxEndpoints));
        if (known is null)
        {
            // Trust on first use of the name too: someone known as "bob" coming back with another
            // key (a new id) is flagged exactly like a changed key, until the user trusts it.
            var namesake = sighting.PinName ? Namesake(transaction, sighting) : null;
            transaction.Execute(
                $"INSERT INTO peers({Columns}) VALUES ($id, $name, $ik, $sk, $seen, $seen, $ep, $state, NULL, NULL)",
                ("$id", sighting.NodeId),
                ("$name", sighting.DisplayName),
                ("$ik", sighting.IdentityKey),
                ("$sk", sighting.SealingKey),
                ("$seen", sighting.SeenAt.Millis()),
                ("$ep", endpoints),
                ("$state", (int)(namesake is null ? PeerTrustState.Pinned : PeerTrustState.KeyChanged)));
            return namesake is null
                ? new TofuResult(TofuOutcome.New, Get(transaction, sighting.NodeId)!, null, null)
                : new TofuResult(TofuOutcome.KeyChanged, Get(transaction, sighting.NodeId)!, settings.Fingerprint(namesake.IdentityKey), settings.Fingerprint(sighting.IdentityKey));
        }

        if (known.IdentityKey.AsSpan().SequenceEqual(sighting.IdentityKey) && known.SealingKey.AsSpan().SequenceEqual(sighting.SealingKey))
        {
            transaction.Execute(
                "UPDATE peers SET display_name = $name, last_seen = MAX(last_seen, $seen), last_endpoints = $ep WHERE node_id = $id",
                ("$id", sighting.NodeId),
                ("$name", sighting.DisplayName),
                ("$seen", sighting.SeenAt.Millis()),
                ("$ep", endpoints));
            if (known.TrustState == PeerTrustState.KeyChanged && known.PendingIdentityKey is null)
            {
                // A namesake not trusted yet (see above): still flagged, also after a restart.
                return new TofuResult(TofuOutcome.KeyChanged, Get(transaction, sighting.NodeId)!, null, settings.Fingerprint(known.IdentityKey));
            }

            return new TofuResult(TofuOutcome.Match, Get(transaction, sighting.NodeId)!, null, null);
        }

        // Never replace a pinned key silently: the presenter may be an impostor, so its name
        // and endpoints are not taken either; the keys wait as pending until the user trusts them.
        transaction.Execute(
            "UPDATE peers SET pending_identity_key = $ik, pending_sealing_key = $sk, pending_since = $seen, trust_state = $state WHERE node_id = $id",
            ("$id", sighting.NodeId),
            ("$ik", sighting.IdentityKey),
            ("$sk", sighting.SealingKey),
            ("$seen", sighting.SeenAt.Millis()),
            ("$state", (int)PeerTrustState.KeyChanged));
        return new TofuResult(
            TofuOutcome.KeyChanged,
            Get(transaction, sighting.NodeId)!,
            settings.Fingerprint(known.IdentityKey),
            settings.Fingerprint(sighting.IdentityKey));
    }

    public TrustResult Trust(SqliteTransaction transaction, string nodeId, string fingerprint)
    {
        var known = Get(transaction, nodeId);
        if (known is null)
        {
            return TrustResult.UnknownPeer;
        }

        var wanted = Normalize(fingerprint);
        if (known.PendingIdentityKey is { } pending && Normalize(settings.Fingerprint(pending)) == wanted)
        {
            transaction.Execute(
                "UPDATE peers SET identity_key = pending_identity_key, sealing_key = pending_sealing_key, pending_identity_key = NULL, pending_sealing_key = NULL, pending_since = NULL, trust_state = $state WHERE node_id = $id",
                ("$id", nodeId),
                ("$state", (int)PeerTrustState.Verified));
            return TrustResult.Trusted;
        }

        if (Normalize(settings.Fingerprint(known.IdentityKey)) == wanted)
        {
            // The user keeps the pinned key: whatever was pending is forgotten.
            transaction.Execute(
                "UPDATE peers SET pending_identity_key = NULL, pending_sealing_key = NULL, pending_since = NULL, trust_state = $state WHERE node_id = $id",
                ("$id", nodeId),
                ("$state", (int)PeerTrustState.Verified));
            return TrustResult.Trusted;
        }

        return TrustResult.FingerprintMismatch;
    }

    public KnownPeer? Get(SqliteTransaction transaction, string nodeId)
    {
        using var command = transaction.Sql($"SELECT {Columns} FROM peers WHERE node_id = $id", ("$id", nodeId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    public List<KnownPeer> All(SqliteTransaction transaction)
    {
        using var command = transaction.Sql($"SELECT {Columns} FROM peers ORDER BY last_seen DESC, node_id");
        using var reader = command.ExecuteReader();
        var peers = new List<KnownPeer>();
        while (reader.Read())
        {
            peers.Add(Read(reader));
        }

        return peers;
    }

    /// <summary>The most recently seen other peer with the sighting's name (case-insensitive), or null.</summary>
    private KnownPeer? Namesake(SqliteTransaction transaction, PeerSighting sighting)
    {
        using var command = transaction.Sql(
            $"SELECT {Columns} FROM peers WHERE node_id <> $id AND display_name = $name COLLATE NOCASE ORDER BY last_seen DESC LIMIT 1",
            ("$id", sighting.NodeId),
            ("$name", sighting.DisplayName));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static KnownPeer Read(SqliteDataReader reader)
    {
        var endpoints = reader.GetString(6);
        return new KnownPeer(
            reader.GetString(0),
            reader.GetString(1),
            (byte[])reader.GetValue(2),
            (byte[])reader.GetValue(3),
            reader.Time(4),
            reader.Time(5),
            endpoints.Length == 0 ? [] : endpoints.Split('\n'),
            (PeerTrustState)reader.GetInt32(7),
            reader.OptionalBytes(8),
            reader.OptionalBytes(9));
    }

    /// <summary>The fingerprint as compared: without spaces, ':' and '-', upper case.</summary>
    internal static string Normalize(string fingerprint)
    {
        return string.Concat(fingerprint.Where(c => c is not (' ' or ':' or '-'))).ToUpperInvariant();
    }
}
