using System.Net;

namespace Dyad.Web;

/// <summary>How <c>dyad serve</c> runs: which store, where it listens, whether pages may write corrections.</summary>
public sealed record WorkbenchOptions
{
    public const int DefaultPort = 5140;

    public required string Db { get; init; }

    /// <summary>The address to listen on; loopback unless told otherwise.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Whether the pages and the API may store corrections.</summary>
    public bool AllowEdits { get; init; }

    /// <summary>The token an edit must carry (header X-Dyad-Token); required for edits on any address but loopback.</summary>
    public string? Token { get; init; }

    public bool IsLoopback => Host is "localhost" || (IPAddress.TryParse(Host, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Why these options cannot serve, or null when they can.</summary>
    public string? Problem() =>
        Port is < 0 or > 65535 ? "--port: want 0 to 65535"
        : AllowEdits && !IsLoopback && string.IsNullOrEmpty(Token) ? $"--allow-edits on {Host}, which is not loopback, needs --token (edits must carry it)"
        : null;
}
