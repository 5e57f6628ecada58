using System.CommandLine;
using MolScreen.Cli;
using MolScreen.Core.IO;
using MolScreen.Cli.Commands;

// Exit codes: 0 ok, 1 the work failed, 2 the request was wrong (usage, workflow file, input files).
var root = new RootCommand("MolScreen: virtual screening as a resumable, sharded batch workflow");
root.Add(RunCommand.Create());
root.Add(StageCommand.Create());
root.Add(FinalizeCommand.Create());
root.Add(SubmitCommand.Create());
root.Add(StatusCommand.Create());
root.Add(InspectCommand.Create());
root.Add(DockCommand.Create());
root.Add(ValidateCommand.Create());
root.Add(WorkerCommand.Create());
root.Add(TrainCommand.Create());
root.Add(RpiTrainCommand.Create());
root.Add(TargetCommand.Create());
// `molscreen dock` is the file-based docking command; the dock stage runs in workflows (`run`, `stage`) only.
foreach (var c in DirectStageCommand.CreateAll(Stages.Catalog).Where(c => root.Subcommands.All(s => s.Name != c.Name))) root.Add(c);

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var e in parse.Errors) Console.Error.WriteLine($"error: {SafeText.ForDisplay(e.Message)}");
    Console.Error.WriteLine($"Try '{string.Join(' ', parse.CommandResult.Command.Name == root.Name ? "molscreen" : "molscreen " + parse.CommandResult.Command.Name)} --help'.");
    return ExitCodes.Usage;
}
return await CommandRunner.GuardAsync(() => parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }));
