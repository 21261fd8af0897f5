using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dyad.Storage.Tests.Support;

/// <summary>Story files written by the tests: our own sentences, many stories.</summary>
public static class Stories
{
    private static readonly string[] Sentences =
    [
        "Kazakhstan and Russia signed an agreement on oil transit.",
        "The president of Uzbekistan visited Kyrgyzstan.",
        "China criticized Tajikistan over the border dispute.",
        "Turkmenistan agreed to build a pipeline to Azerbaijan.",
        "Officials said the talks would continue next year.",
    ];

    /// <summary>A JSON Lines file of <paramref name="count"/> stories with ids story-0…; returns its path.</summary>
    public static string Write(string folder, string name, int count)
    {
        var path = Path.Combine(folder, name);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var body = string.Join(' ', Enumerable.Range(0, 3).Select(j => Sentences[(i + j) % Sentences.Length]));
            var date = new DateOnly(2010, 1, 1).AddDays(i % 3000).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            text.Append(JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = $"story-{i}", ["date"] = date, ["text"] = body })).Append('\n');
        }
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
