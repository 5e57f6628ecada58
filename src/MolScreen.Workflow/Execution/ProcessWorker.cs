using System.Diagnostics;
using MolScreen.Core.Shards;

namespace MolScreen.Workflow.Execution;

/// <summary>
/// Runs shards in child processes (`molscreen worker WORKFLOW --out DIR`): OpenBabel is not
/// thread-safe, and a native crash must take down one worker, not the run. Each worker gets
/// OMP_NUM_THREADS=1 so N workers use N cores.
/// <para>
/// A watchdog bounds the work per record: guarded stages journal the record they are on (RecordGuard), and a worker
/// whose journal names the same record for longer than <paramref name="recordTimeoutSeconds"/> is killed. That covers
/// a record that loops or deadlocks, and a crash handler that deadlocks instead of exiting; the retry rejects the
/// record as `timeout after N s`.
/// </para>
/// </summary>
public sealed class ProcessWorkerFactory(string workflowPath, string outDir, int recordTimeoutSeconds = ProcessWorkerFactory.DefaultRecordTimeout) : IShardWorkerFactory
{
    /// <summary>Seconds one record may take before the watchdog stops its worker (the workflow's `record_timeout`).</summary>
    public const int DefaultRecordTimeout = 300;

    public IShardWorker Start(int slot) => new ProcessWorker(Launch(["worker", workflowPath, "--out", outDir]), outDir, recordTimeoutSeconds);

    /// <summary>How to start this same program again, whether it runs as an apphost, `dotnet x.dll` or a single file.</summary>
    public static ProcessStartInfo Launch(IEnumerable<string> args)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot locate the running executable");
        var psi = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false,
        };
        var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet" && !string.IsNullOrEmpty(entry)) psi.ArgumentList.Add(entry);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["OMP_NUM_THREADS"] = "1";
        // Flat worker memory over many shards (see the molscreen launcher); a user's own setting wins.
        if (!psi.Environment.ContainsKey("DOTNET_GCgen0size")) psi.Environment["DOTNET_GCgen0size"] = "0x1000000";
        psi.Environment["MOLSCREEN_WORKER"] = "1";
        return psi;
    }

    private sealed class ProcessWorker : IShardWorker
    {
        private readonly Process _process;
        private readonly Queue<string> _stderrTail = new();
        private readonly string _outDir;
        private readonly int _timeout;
        private volatile string? _timedOut;

        public ProcessWorker(ProcessStartInfo psi, string outDir, int timeoutSeconds)
        {
            _outDir = outDir;
            _timeout = timeoutSeconds;
            _process = Process.Start(psi) ?? throw new WorkerCrashedException("could not start worker process");
            _process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data == null) return;
                lock (_stderrTail) { _stderrTail.Enqueue(e.Data); if (_stderrTail.Count > 20) _stderrTail.Dequeue(); }
            };
            _process.BeginErrorReadLine();
        }

        public async Task<ShardOutcome> RunAsync(string stage, int shard, CancellationToken ct)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var watchdog = RecordWatchdog.WatchAsync(new ShardLayout(_outDir, stage).JournalPath(shard), DateTime.UtcNow, _timeout, record =>
            {
                _timedOut = $"record {record} ran past record_timeout ({_timeout} s)";
                try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            }, stop.Token);
            try
            {
                try
                {
                    await _process.StandardInput.WriteLineAsync(WorkerProtocol.Request(stage, shard).AsMemory(), ct);
                    await _process.StandardInput.FlushAsync(ct);
                }
                catch (IOException) { throw Crashed(stage, shard); }
                while (true)
                {
                    var line = await _process.StandardOutput.ReadLineAsync(ct);
                    if (line == null) throw Crashed(stage, shard);
                    if (WorkerProtocol.TryParseReply(line) is not { } reply) continue;
                    if (reply.Ok is { } ok) return ok;
                    throw new ShardException(reply.Error!);
                }
            }
            finally
            {
                stop.Cancel();
                await watchdog;
            }
        }

        private WorkerCrashedException Crashed(string stage, int shard)
        {
            _process.WaitForExit(5000);
            var code = _process.HasExited ? _process.ExitCode.ToString() : "still running";
            if (_timedOut is { } why)
                return new WorkerCrashedException($"{stage} shard {shard}: worker process {_process.Id} stopped: {why}") { TimeoutSeconds = _timeout };
            string tail;
            lock (_stderrTail) tail = string.Join(" | ", _stderrTail);
            return new WorkerCrashedException($"{stage} shard {shard}: worker process {_process.Id} died (exit code {code}){(tail.Length > 0 ? ": " + tail : "")}");
        }

        public async ValueTask DisposeAsync()
        {
            try { _process.StandardInput.Close(); } catch (IOException) { }
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await _process.WaitForExitAsync(cts.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
            _process.Dispose();
        }
    }
}
