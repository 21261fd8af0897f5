using System.Security.Cryptography;
using System.Text;
using Dyad.Storage.Workbench;
using Microsoft.AspNetCore.Antiforgery;

namespace Dyad.Web.Api;

/// <summary>What a page posts to correct an event.</summary>
internal sealed record CorrectionBody(string? Event, bool Reject, string? Source, string? Target, string? Code, string? Date, string? Note, string? Author);

/// <summary>
/// Review and correction: the anti-forgery token a page needs, the stored corrections, and a new one. Writing needs
/// <c>--allow-edits</c>, the anti-forgery token, and the <c>--token</c> when one is set.
/// </summary>
internal static class CorrectionsApi
{
    public const string TokenHeader = "X-Dyad-Token";

    public static void MapCorrectionsApi(this WebApplication app)
    {
        app.MapGet("/api/session", (HttpContext context, IAntiforgery antiforgery, WorkbenchOptions options) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return Results.Ok(new { editable = options.AllowEdits, needs_token = options.Token is not null, csrf = tokens.RequestToken });
        });
        app.MapGet("/api/corrections", (StoreLease lease, string? doc) => Results.Ok(lease.Store.Corrections(doc)));
        app.MapPost("/api/corrections", Post);
    }

    private static async Task<IResult> Post(HttpContext context, IAntiforgery antiforgery, WorkbenchOptions options, StoreLease lease)
    {
        if (!options.AllowEdits)
            return Results.Problem(detail: "edits are off: start dyad serve with --allow-edits", statusCode: StatusCodes.Status403Forbidden);
        if (options.Token is { } token && !SameToken(context.Request.Headers[TokenHeader].ToString(), token))
            return Results.Problem(detail: $"edits need the server's token in the {TokenHeader} header", statusCode: StatusCodes.Status401Unauthorized);
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Problem(detail: "missing or wrong anti-forgery token (GET /api/session, then send it as X-CSRF-TOKEN)", statusCode: StatusCodes.Status400BadRequest);
        }
        CorrectionBody? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<CorrectionBody>(context.RequestAborted);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return ApiResults.Bad($"body: not a correction in JSON ({ex.Message.Split('.')[0]})");
        }
        if (body is null || !EventRef.TryParse(body.Event, out var name))
            return ApiResults.Bad("event: want the event's id, doc|event_id|source|target");
        var request = new CorrectionRequest(name, string.IsNullOrWhiteSpace(body.Author) ? "reviewer" : body.Author.Trim())
        {
            Reject = body.Reject,
            Source = Upper(body.Source),
            Target = Upper(body.Target),
            Code = Blank(body.Code),
            Date = Blank(body.Date),
            Note = Blank(body.Note),
        };
        request = request with { SourceName = NameOf(lease, request.Source), TargetName = NameOf(lease, request.Target) };
        try
        {
            return Results.Ok(lease.Store.AddCorrection(request));
        }
        catch (ArgumentException ex)
        {
            return ApiResults.Bad(ex.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Upper(string? value) => Blank(value)?.ToUpperInvariant();

    /// <summary>The name the store already gives an actor code, or null.</summary>
    private static string? NameOf(StoreLease lease, string? code) =>
        code is null ? null : lease.Store.StateNames([code.Length > 3 ? code[..3] : code]).Values.Single();

    private static bool SameToken(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
