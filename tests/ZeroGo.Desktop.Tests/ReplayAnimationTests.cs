using System.Diagnostics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;
using ZeroGo.Desktop.Rendering;
using ZeroGo.Desktop.Replay;
using ZeroGo.Formats.Sgf;
using ZeroGo.Testing;

namespace ZeroGo.Desktop.Tests;

/// <summary>
/// The animated replay: frames decoded back from the GIF file (ImageSharp's decoder, and ImageMagick's identify
/// where it is installed) have the right count, delays and stones; unchanged pixels are not stored again.
/// </summary>
public class ReplayAnimationTests
{
    // C7 (cc) black, G3 (gg) white, G7 (gc) black, C3 (cg) white.
    private const string FourMoves = "(;GM[1]FF[4]SZ[9]KM[7]PB[Black player]PW[White player];B[cc];W[gg];B[gc];W[cg])";

    private static (GameRecord Record, string Gif) Write(string name, ReplayAnimationOptions options)
    {
        var record = GameRecord.FromSgf(SgfGame.Parse(FourMoves));
        string gif = Path.Combine(TestData.OutputFolder("desktop-gif"), name);
        int frames = ReplayAnimation.WriteGif(record, gif, options);
        Assert.Equal(options.To - options.From + 1, frames);
        return (record, gif);
    }

    private enum Seen
    {
        Wood,
        Black,
        White,
    }

    private static Seen At(ImageFrame<Rgba32> frame, BoardLayout layout, string vertex, int size = 9)
    {
        var point = TestPositions.At(new Go.GameState(size), vertex);
        var centre = layout.Center(point);
        // Off the centre, where the last-move marker is not.
        var pixel = frame[(int)(centre.X + layout.StoneRadius * 0.3f), (int)(centre.Y - layout.StoneRadius * 0.6f)];
        return pixel.R < 90 && pixel.G < 90 && pixel.B < 90 ? Seen.Black
            : pixel.R > 200 && pixel.G > 200 && pixel.B > 200 ? Seen.White
            : Seen.Wood;
    }

    [Fact]
    public void EveryMoveIsAFrameWithItsStonesAndTheLastFrameStaysLonger()
    {
        var options = new ReplayAnimationOptions(0, 4, DelayMs: 500, Height: 400);
        var (record, gif) = Write("four-moves.gif", options);

        using var image = Image.Load<Rgba32>(gif);
        Assert.Equal(5, image.Frames.Count);
        Assert.Equal((600, 400), (image.Width, image.Height));
        var delays = Enumerable.Range(0, 5).Select(i => image.Frames[i].Metadata.GetGifMetadata().FrameDelay).ToArray();
        Assert.Equal(new[] { 50, 50, 50, 50, 200 }, delays);

        var layout = new BoardLayout(record.Geometry, SceneRenderer.BoardArea(600, 400, withPanel: true), coordinates: true);
        var expected = new[]
        {
            new[] { Seen.Wood, Seen.Wood, Seen.Wood, Seen.Wood },
            new[] { Seen.Black, Seen.Wood, Seen.Wood, Seen.Wood },
            new[] { Seen.Black, Seen.White, Seen.Wood, Seen.Wood },
            new[] { Seen.Black, Seen.White, Seen.Black, Seen.Wood },
            new[] { Seen.Black, Seen.White, Seen.Black, Seen.White },
        };
        for (int frame = 0; frame < 5; frame++)
        {
            var seen = new[] { "C7", "G3", "G7", "C3" }.Select(v => At(image.Frames[frame], layout, v)).ToArray();
            Assert.True(expected[frame].SequenceEqual(seen), $"frame {frame}: {string.Join(", ", seen)}");
        }
    }

    [Fact]
    public void FromAndToPickThePositionsAndBoardOnlyIsSquare()
    {
        var (record, gif) = Write("moves-2-to-3.gif", new ReplayAnimationOptions(2, 3, Height: 300, WithPanel: false));
        using var image = Image.Load<Rgba32>(gif);
        Assert.Equal(2, image.Frames.Count);
        Assert.Equal((300, 300), (image.Width, image.Height));
        var layout = new BoardLayout(record.Geometry, SceneRenderer.BoardArea(300, 300, withPanel: false), coordinates: true);
        Assert.Equal(Seen.White, At(image.Frames[0], layout, "G3"));
        Assert.Equal(Seen.Wood, At(image.Frames[0], layout, "G7"));
        Assert.Equal(Seen.Black, At(image.Frames[1], layout, "G7"));
    }

    [Fact]
    public void FramesAfterTheFirstStoreOnlyWhatChanged()
    {
        var (_, one) = Write("one-frame.gif", new ReplayAnimationOptions(0, 0));
        var (_, five) = Write("five-frames.gif", new ReplayAnimationOptions(0, 4));
        long first = new FileInfo(one).Length, all = new FileInfo(five).Length;
        // Four more full frames would be about five times the first; changed pixels only are a small part of it.
        Assert.True(all < first * 2, $"5 frames take {all} bytes, 1 frame {first}");
    }

    [SkippableFact]
    public void ImageMagickReadsTheSameFrames()
    {
        Skip.If(!File.Exists("/usr/bin/identify") && !File.Exists("/usr/local/bin/identify"), "ImageMagick's identify is not installed (scripts/setup.sh test installs imagemagick)");
        var (_, gif) = Write("identify.gif", new ReplayAnimationOptions(0, 4, DelayMs: 300));
        var info = new ProcessStartInfo("identify", ["-format", "%w %h %T\n", gif]) { RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[] { "600 400 30", "600 400 30", "600 400 30", "600 400 30", "600 400 120" }, lines);
    }

    [Theory]
    [InlineData(-1, 4, 600, "--from -1")]
    [InlineData(3, 2, 600, "--to 2")]
    [InlineData(0, 5, 600, "--to 5")]
    [InlineData(0, 4, 5, "--delay")]
    public void OptionsThatDoNotFitTheRecordAreRefusedWithTheReason(int from, int to, int delay, string reason)
    {
        var record = GameRecord.FromSgf(SgfGame.Parse(FourMoves));
        var options = new ReplayAnimationOptions(from, to, delay);
        Assert.Contains(reason, options.Check(record));
        var error = Assert.Throws<ArgumentException>(() => ReplayAnimation.WriteGif(record, Path.Combine(Path.GetTempPath(), "never.gif"), options));
        Assert.Contains(reason, error.Message);
    }
}
