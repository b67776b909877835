namespace MeshNode.Actors;

/// <summary>Marks messages that do not reset the receive timeout (see <see cref="IActorContext.SetReceiveTimeout"/>).</summary>
public interface INotInfluenceReceiveTimeout;
