using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dyad.Storage;
using Dyad.Web.Api;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Dyad.Web;

/// <summary><c>dyad serve</c>: the JSON API under /api/ and the workbench pages that use it.</summary>
public static class Workbench
{
    /// <summary>Builds the app (not started); throws <see cref="ArgumentException"/> when the options cannot serve.</summary>
    public static WebApplication Build(WorkbenchOptions options)
    {
        if (options.Problem() is { } problem)
            throw new ArgumentException(problem, nameof(options));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls($"http://{(options.Host.Contains(':', StringComparison.Ordinal) ? $"[{options.Host}]" : options.Host)}:{options.Port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(EmbeddedFiles.Load());
        builder.Services.AddScoped<StoreLease>();
        builder.Services.AddSingleton<RollupCache>();
        // Anti-forgery keys live in memory: a restarted server hands out new tokens, and nothing is written to the user's profile.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.Name = "dyad-csrf";
        });
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });

        var app = builder.Build();
        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<RollupCache>().Warm(app.Logger));
        app.UseExceptionHandler(errors => errors.Run(WriteError));
        app.UseStatusCodePages(WriteStatus);
        app.Use(SecurityHeaders);

        app.MapPages();          // /, /static/…
        app.MapStoreApi();       // /api/summary, /api/actors, /api/search, /api/documents/{doc}
        app.MapAnalysisApi();    // /api/trends, /api/balance, /api/pair, /api/facts
        app.MapEventsApi();      // /api/events, /api/events/one
        app.MapGraphApi();       // /api/graph
        app.MapCorrectionsApi(); // /api/session, /api/corrections (GET, POST)
        return app;
    }

    /// <summary>The address the started app listens on (with the port Kestrel chose when asked for 0).</summary>
    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    // Pages show documents written by anyone: scripts run only from our own files, and nothing is framed or sniffed.
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return next();
    }

    /// <summary>An unexpected failure: a JSON message (the store's one-line reason when it is the store), never a stack trace.</summary>
    private static async Task WriteError(HttpContext context)
    {
        var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var message = failure switch
        {
            StoreException store => store.Message,
            DbException db => context.RequestServices.GetRequiredService<StoreLease>().Store.Explain(db).Message,
            _ => "internal error",
        };
        context.Response.StatusCode = failure is StoreException or DbException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        await Results.Problem(detail: message, statusCode: context.Response.StatusCode).ExecuteAsync(context);
    }

    private static async Task WriteStatus(StatusCodeContext status)
    {
        var context = status.HttpContext;
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            await Results.Problem(detail: $"{context.Request.Path}: {ReasonOf(context.Response.StatusCode)}", statusCode: context.Response.StatusCode).ExecuteAsync(context);
    }

    private static string ReasonOf(int status) => status switch
    {
        404 => "no such resource",
        405 => "method not allowed",
        _ => "request failed",
    };
}
