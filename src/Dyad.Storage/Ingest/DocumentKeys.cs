using System.Security.Cryptography;
using System.Text;
using Dyad.Documents;

namespace Dyad.Storage.Ingest;

/// <summary>What names a story in the store: its id within its file (the default), or its id alone.</summary>
public enum IdScope
{
    /// <summary>Source file + record id: two feeds that both number their stories 1, 2, … keep all of them.</summary>
    File,

    /// <summary>The record id alone: a story that moves from one file to another is still the same story.</summary>
    Global,
}

/// <summary>
/// The one key policy of the store. A whole file is its full path ("file:/…"); standard input is "stdin";
/// a story is "story:" + its file's full path + "#" + its id, or "story:" + its id with <see cref="IdScope.Global"/>;
/// a part of a long text adds "#part" + its number. A key over <see cref="MaxKeyChars"/> characters is
/// replaced by its SHA-256, so no key can exceed an index's row limit.
/// </summary>
public static class DocumentKeys
{
    public const int MaxKeyChars = 512;

    public static string KeyOf(Document document, IdScope scope = IdScope.File)
    {
        string key;
        if (document.Line is null)
        {
            key = document.Source == "-" ? "stdin" : "file:" + Path.GetFullPath(document.Source);
        }
        else
        {
            var id = document.RecordId ?? Path.GetFileNameWithoutExtension(document.Source) + "-" + document.Line;
            key = scope == IdScope.Global ? "story:" + id : $"story:{(document.Source == "-" ? "-" : Path.GetFullPath(document.Source))}#{id}";
        }
        if (document.Part > 0)
            key += "#part" + document.Part.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return key.Length <= MaxKeyChars ? key : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>A 64-bit fingerprint of a key (FNV-1a), for the duplicate scan, which must not hold every key of a large input.</summary>
    public static ulong Fingerprint(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }
        return hash;
    }
}
