using System.Globalization;

namespace ZeroGo.Gtp.Tests;

/// <summary>The registration point other parts of ZeroGo use to add commands.</summary>
public sealed class CommandTableTests
{
    private sealed class EmptyCountCommands : IGtpCommandSet
    {
        public void Register(GtpCommandTable table) => table.Add("zerogo-empty", call =>
        {
            call.ExpectArguments(0);
            return call.Session.State.Board.EmptyCount.ToString(CultureInfo.InvariantCulture);
        });
    }

    [Fact]
    public void ACommandSetFromElsewhereIsServedAndListed()
    {
        var host = new GtpTestHost(boardSize: 9);
        host.Server.Commands.Register(new EmptyCountCommands());
        Assert.Equal("81", host.Ask("zerogo-empty"));
        Assert.Equal("true", host.Ask("known_command zerogo-empty"));
        Assert.Contains("zerogo-empty", host.Ask("list_commands").Split('\n'));
        Assert.Equal("syntax error", host.Fail("zerogo-empty now"));
    }

    [Fact]
    public void DuplicatesAreRefusedUnlessReplacedOnPurpose()
    {
        var table = GtpCommandTable.CreateStandard();
        Assert.Throws<ArgumentException>(() => table.Add("genmove", _ => "pass"));
        Assert.Throws<ArgumentException>(() => table.Add("GENMOVE", _ => "pass"));
        table.Replace("genmove", _ => "pass");
        var host = new GtpTestHost();
        var server = new GtpServer(host.Session, table);
        Assert.Equal("= pass\n\n", server.Execute("genmove b"));
        Assert.True(table.Remove("genmove"));
        Assert.Equal("? unknown command\n\n", server.Execute("genmove b"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("tab\tname")]
    [InlineData("12")]
    [InlineData("hash#tag")]
    public void InvalidNamesAreRefused(string name) =>
        Assert.Throws<ArgumentException>(() => new GtpCommandTable().Add(name, _ => ""));

    [Fact]
    public void StandardTableHasOneHandlerPerCommand()
    {
        var names = GtpCommandTable.CreateStandard().Names;
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.True(names.Count >= 30, $"only {names.Count} commands");
    }
}
