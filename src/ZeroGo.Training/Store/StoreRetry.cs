using System.Globalization;

namespace ZeroGo.Training.Store;

/// <summary>
/// Calls a store again while it is unavailable, waiting 1, 2, 4 … up to <see cref="MaxDelay"/> seconds between
/// tries and saying so each time (and once when it is back). Fatal errors and cancellation go straight through.
/// </summary>
public sealed class StoreRetry(Action<string> say)
{
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public T Run<T>(Func<T> call, CancellationToken cancel)
    {
        var delay = TimeSpan.FromSeconds(1);
        bool failed = false;
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            try
            {
                var result = call();
                if (failed)
                {
                    say("store: reachable again");
                }

                return result;
            }
            catch (StoreUnavailableException e)
            {
                failed = true;
                say(string.Create(CultureInfo.InvariantCulture, $"warning: {e.Message}; retrying in {delay.TotalSeconds:0} s"));
                cancel.WaitHandle.WaitOne(delay);
                delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, delay.Ticks * 2));
            }
        }
    }

    public void Run(Action call, CancellationToken cancel) => Run(() =>
    {
        call();
        return true;
    }, cancel);
}
