using Dyad.Documents;

namespace Dyad.Coding;

/// <summary>
/// A normalized amount: money (<c>Unit</c> is an ISO 4217 code such as USD), a count of people or
/// things (<c>people</c>, <c>launches</c>), a percentage (<c>percent</c>) or a duration (<c>years</c>).
/// </summary>
public sealed record Quantity(TextSpan Span, string Text, double Value, string Unit, string? Per = null, string Rule = "")
{
    /// <summary>The kind of amount: money, count, percent or duration.</summary>
    public string Kind { get; init; } = "count";
}
