using ZeroGo.Desktop.Play;

namespace ZeroGo.Desktop.Tests;

/// <summary>The window loop's part in controller tests: apply the AI's result once it is there.</summary>
internal static class ControllerWait
{
    public static void ForAi(PlayController controller)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (controller.IsThinking)
        {
            controller.Update();
            Assert.True(DateTime.UtcNow < deadline, "the AI did not answer");
            Thread.Sleep(5);
        }
    }
}
