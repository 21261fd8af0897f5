using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Dyad.Web;

/// <summary>The pages and vendored libraries, read once from the assembly's resources and served with an ETag.</summary>
internal sealed class EmbeddedFiles
{
    internal sealed record File(byte[] Bytes, string ContentType, string ETag);

    private readonly FrozenDictionary<string, File> _files;

    private EmbeddedFiles(FrozenDictionary<string, File> files) => _files = files;

    public static EmbeddedFiles Load()
    {
        var assembly = typeof(EmbeddedFiles).Assembly;
        var files = new Dictionary<string, File>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("wwwroot/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"";
            files[name["wwwroot/".Length..]] = new File(bytes, ContentType(name), etag);
        }
        return new EmbeddedFiles(files.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public File? Find(string path) => _files.GetValueOrDefault(path);

    private static string ContentType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "text/plain; charset=utf-8",
    };

    public IResult Serve(HttpContext context, string path)
    {
        var file = Find(path);
        if (file is null)
            return Results.NotFound();
        context.Response.Headers.ETag = file.ETag;
        context.Response.Headers.CacheControl = path.StartsWith("vendor/", StringComparison.Ordinal) ? "public, max-age=86400" : "no-cache";
        if (context.Request.Headers.IfNoneMatch == file.ETag)
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(file.Bytes, file.ContentType);
    }
}
