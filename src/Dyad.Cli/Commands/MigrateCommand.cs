using System.CommandLine;
using Dyad.Storage;

namespace Dyad.Cli.Commands;

/// <summary>`dyad migrate --db DB`: upgrades a database to this dyad's schema version.</summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Db();
        var command = new Command("migrate", """
            Upgrade a store to this dyad's schema version (creates it when empty).
            Example: dyad migrate --db dyad.db
            """) { db };
        command.SetAction(parse =>
        {
            using var store = StoreOptions.Open(parse.GetValue(db)!, migrate: true);
            if (store is null)
                return ExitCodes.StoreFailed;
            Console.Error.WriteLine($"dyad: {store.Name}: schema version {Schema.Version}, up to date");
            return ExitCodes.Ok;
        });
        return command;
    }
}
