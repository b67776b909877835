using System.Buffers.Binary;
using Google.Protobuf;

namespace MeshNode.Protocol.Wire;

/// <summary>16-byte ids (trace, file, call) as big-endian <see cref="UInt128"/> values.</summary>
internal static class WireIds
{
    public static ByteString ToBytes(UInt128 id)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, id);
        return ByteString.CopyFrom(bytes);
    }

    public static UInt128 FromBytes(ByteString bytes, string field)
    {
        ProtobufReader.RequireLength(bytes, 16, field);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes.Span);
    }
}
