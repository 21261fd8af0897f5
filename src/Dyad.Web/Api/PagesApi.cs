namespace Dyad.Web.Api;

/// <summary>The workbench page and its scripts, styles and vendored libraries.</summary>
internal static class PagesApi
{
    public static void MapPages(this WebApplication app)
    {
        app.MapGet("/", (HttpContext context, EmbeddedFiles files) => files.Serve(context, "index.html"));
        app.MapGet("/static/{**path}", (HttpContext context, EmbeddedFiles files, string path) => files.Serve(context, path));
    }
}
