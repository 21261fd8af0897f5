namespace Dyad.Storage.Tests;

public sealed class EventStoresTests
{
    [Theory]
    [InlineData("dyad.db", false)]
    [InlineData("/data/events.sqlite", false)]
    [InlineData("postgres://u:p@h/db", true)]
    [InlineData("postgresql://h/db", true)]
    [InlineData("Host=127.0.0.1;Username=dyad", true)]
    public void TheDbValueChoosesTheStore(string db, bool postgres) => Assert.Equal(postgres, EventStores.IsPostgres(db));

    [Theory]
    [InlineData("postgres://ann:secret@h/db", "postgres://ann:***@h/db")]
    [InlineData("Host=h;Password=secret;Database=d", "Host=h;Password=***;Database=d")]
    [InlineData("dyad.db", "dyad.db")]
    public void PasswordsNeverReachMessages(string db, string shown) => Assert.Equal(shown, EventStores.Redact(db));

    [Theory]
    [InlineData("2014", "2014-01-01", "2014-99-99")]
    [InlineData("2014-05", "2014-05-01", "2014-05-99")]
    [InlineData("2014-05-29", "2014-05-29", "2014-05-29")]
    public void DateBoundsCoverTheWholePeriodNamed(string value, string from, string to)
    {
        Assert.Equal(from, SqlEventStore.FromBound(value));
        Assert.Equal(to, SqlEventStore.ToBound(value));
    }
}
