using System.Globalization;

namespace Dyad.Output;

/// <summary>How a cell goes into a CSV or TSV file, plain or guarded for a spreadsheet.</summary>
public static class TableCells
{
    /// <summary>
    /// A text cell that starts with =, +, -, @ (or a tab or carriage return) is a formula to a spreadsheet:
    /// "=HYPERLINK(…)" in a sentence would run when the file is opened. Such a cell gets a leading apostrophe,
    /// which spreadsheets show as text. Numbers ("-2.5") are left as they are.
    /// </summary>
    public static string ForSpreadsheet(string cell)
    {
        if (cell.Length == 0 || cell[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r'))
            return cell;
        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? cell : "'" + cell;
    }

    /// <summary>A TSV cell: tabs and line breaks become spaces.</summary>
    public static string Tsv(string? cell, bool spreadsheet = false)
    {
        if (string.IsNullOrEmpty(cell))
            return string.Empty;
        cell = cell.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
        return spreadsheet ? ForSpreadsheet(cell) : cell;
    }

    /// <summary>A CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break.</summary>
    public static string Csv(string? cell, bool spreadsheet = false)
    {
        if (string.IsNullOrEmpty(cell))
            return string.Empty;
        if (spreadsheet)
            cell = ForSpreadsheet(cell);
        return cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
