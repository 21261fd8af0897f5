using System.CommandLine;
using Dyad.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Dyad.Cli.Commands;

/// <summary>`dyad serve`: the web workbench and its JSON API over a store, on loopback unless told otherwise.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Db();
        var port = new Option<int>("--port") { Description = "The port (0 picks a free one)", DefaultValueFactory = _ => WorkbenchOptions.DefaultPort };
        var host = new Option<string>("--host") { Description = "The address to listen on; anything but loopback exposes the store", DefaultValueFactory = _ => "127.0.0.1" };
        var edits = new Option<bool>("--allow-edits") { Description = "Let the pages and the API store corrections" };
        var token = new Option<string?>("--token") { Description = "A secret every edit must carry (header X-Dyad-Token); required with --allow-edits off loopback" };
        var command = new Command("serve", "Serve the web workbench (actor, pair, network, evidence, review pages) and its JSON API under /api/")
        {
            db, port, host, edits, token,
        };
        command.SetAction(parse => Run(new WorkbenchOptions
        {
            Db = parse.GetValue(db)!,
            Port = parse.GetValue(port),
            Host = parse.GetValue(host)!,
            AllowEdits = parse.GetValue(edits),
            Token = parse.GetValue(token),
        }));
        return command;
    }

    private static int Run(WorkbenchOptions options)
    {
        if (options.Problem() is { } problem)
        {
            Console.Error.WriteLine($"dyad: {problem}");
            return ExitCodes.Usage;
        }
        // Open once up front: a missing, corrupt or unreachable store fails here with its one-line reason.
        using (var probe = StoreOptions.Open(options.Db, mustExist: true))
        {
            if (probe is null)
                return ExitCodes.StoreFailed;
        }
        WebApplication app;
        try
        {
            app = Workbench.Build(options);
            app.Start();
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"dyad: cannot listen on {options.Host}:{options.Port}: {ex.Message.Split('\n')[0]}");
            return ExitCodes.InputFailed;
        }
        var edits = options.AllowEdits ? "edits allowed" : "read-only (--allow-edits to correct events)";
        Console.Error.WriteLine($"dyad: serving {Storage.EventStores.Redact(options.Db)} on {Workbench.Address(app)} ({edits}); Ctrl+C stops");
        app.WaitForShutdown();
        return ExitCodes.Ok;
    }
}
