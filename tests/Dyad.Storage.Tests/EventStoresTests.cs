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
    [InlineData("postgres://ann:SECRET@h/db", "Host=h;Port=5432;Database=db;Username=ann;Password=***")]
    [InlineData("Host=h;Password=SECRET;Database=d", "Host=h;Port=5432;Database=d;Password=***")]
    [InlineData("dyad.db", "dyad.db")]
    public void PasswordsNeverReachMessages(string db, string shown) => Assert.Equal(shown, EventStores.Redact(db));

    [Theory]
    [InlineData("Host=h;Pwd=SECRET;Database=d")]
    [InlineData("Host=h;PSW=SECRET")]
    [InlineData("Host=h;Password = SECRET ;Database=d")]
    [InlineData("Host=h;Password='ab;SECRET';Database=d")]
    [InlineData("Host=h;Password=\"ab;SECRET\"")]
    [InlineData("postgres://ann:p@SECRET@h:5433/db")]
    [InlineData("postgresql://ann:SECRET%40x@h/db?application_name=x")]
    [InlineData("Host=h;Passwrd=SECRET")]
    [InlineData("Host=h;Password='unterminated SECRET")]
    [InlineData("server=h;password=SECRET")]
    public void NoSpellingOfAPasswordReachesAMessage(string db)
    {
        Assert.True(EventStores.IsPostgres(db));
        Assert.DoesNotContain("SECRET", EventStores.Redact(db), StringComparison.Ordinal);
        var failure = Record.Exception(() => EventStores.Open(db).Dispose());
        Assert.IsType<StoreException>(failure);
        Assert.DoesNotContain("SECRET", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnencodedAtInAUrlPasswordIsPartOfThePassword()
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(Dyad.Storage.Postgres.PostgresEventStore.ToConnectionString("postgres://ann:p@ss@db.example:5433/events"));
        Assert.Equal(("ann", "p@ss", "db.example", 5433, "events"), (b.Username, b.Password, b.Host, b.Port, b.Database));
    }

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
