using ZeroGo.Training.Runs;

namespace ZeroGo.Training.Tests;

public class RunCpuClockTests
{
    [Fact]
    public void Cpu_time_adds_up_across_the_processes_that_ran_a_run()
    {
        var root = Path.Combine(Path.GetTempPath(), "zg-cpu-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = new RunDirectory(root);
            run.CreateFolders();
            File.WriteAllText(Path.Combine(run.Logs, "cpu-seconds.txt"), "7200.0\n");   // an earlier process counted 2 h

            var clock = new RunCpuClock(run);
            Assert.InRange(clock.RunHours, 2.0, 2.01);
            double sink = 0;
            var spin = System.Diagnostics.Stopwatch.StartNew();
            while (spin.ElapsedMilliseconds < 300)
            {
                sink += Math.Sqrt(sink + spin.ElapsedTicks);   // burn some CPU
            }

            Assert.True(sink > 0);
            clock.Save();
            var next = new RunCpuClock(run);
            Assert.True(next.RunHours > 2.0, $"the saved time was not carried over: {next.RunHours} h");
            Assert.True(next.RunHours <= clock.RunHours + 0.1 / 3600);   // saved to a tenth of a second

            File.WriteAllText(Path.Combine(run.Logs, "cpu-seconds.txt"), "garbage");
            Assert.InRange(new RunCpuClock(run).RunHours, 0, 0.01);   // a damaged count restarts, it does not stop the run
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, true);
            }
        }
    }
}
