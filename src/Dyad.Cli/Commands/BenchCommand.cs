namespace Dyad.Cli.Commands; public static class BenchCommand { public static System.CommandLine.Command Create() => new("bench", "placeholder"); }
