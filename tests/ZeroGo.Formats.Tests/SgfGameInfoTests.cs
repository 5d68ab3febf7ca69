using ZeroGo.Formats.Sgf;
using ZeroGo.Go;

namespace ZeroGo.Formats.Tests;

public class SgfGameInfoTests
{
    [Fact]
    public void Every_text_property_is_read_into_its_own_field_and_no_other()
    {
        Assert.Equal(SgfGameInfo.TextProperties.Count, SgfGameInfo.TextProperties.Select(p => p.Id).Distinct().Count());
        foreach (var property in SgfGameInfo.TextProperties)
        {
            var root = new SgfNode();
            root.SetText(property.Id, $"value of {property.Id}");
            var info = SgfGameInfo.FromRoot(root);
            Assert.Equal($"value of {property.Id}", property.Get(info));
            foreach (var other in SgfGameInfo.TextProperties.Where(p => p != property))
            {
                Assert.Null(other.Get(info));
            }

            Assert.Equal("x", property.Get(property.Set(new SgfGameInfo(), "x")));
        }
    }

    [Fact]
    public void Simple_text_loses_its_line_breaks_and_comments_keep_them_and_empty_values_are_absent()
    {
        var root = new SgfNode();
        root.SetText("PB", "Lee\nSedol");
        root.SetText("GC", "first line\nsecond line");
        root.SetText("PW", "");
        root.SetText("KM", "7.5");
        root.SetText("HA", "2");
        var info = SgfGameInfo.FromRoot(root);
        Assert.Equal("Lee Sedol", info.PlayerBlack);
        Assert.Equal("first line\nsecond line", info.GameComment);
        Assert.Null(info.PlayerWhite);
        Assert.Equal(7.5, info.Komi);
        Assert.Equal(2, info.Handicap);
    }

    [Fact]
    public void A_record_written_with_every_field_reads_back_the_same_information()
    {
        var info = new SgfGameInfo { Komi = 6.5 };
        foreach (var property in SgfGameInfo.TextProperties)
        {
            info = property.Set(info, property.MultiLine ? $"{property.Id} line one\nline two" : $"{property.Id} value");
        }

        var rules = new Rules { Komi = 6.5 };
        var state = new GameState(BoardGeometry.Get(9), rules);
        var again = SgfGameInfo.FromRoot(SgfReader.ReadText(SgfWriter.Write(state, info), SgfReadOptions.StrictMode).Trees[0]);
        Assert.Equal(info, again);
    }
}
