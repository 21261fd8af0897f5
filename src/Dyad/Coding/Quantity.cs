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

    /// <summary>The upper end of a range ("$10-15 million"); null for a single amount.</summary>
    public double? Max { get; init; }

    /// <summary>True for hedged amounts ("about 1,000", "some 3,000", "up to 15 years", "more than").</summary>
    public bool Approximate { get; init; }
}
