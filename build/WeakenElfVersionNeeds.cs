// MSBuild inline task (RoslynCodeTaskFactory, see TorchSharpNativeFix.targets): marks chosen version needs of
// an ELF64 shared library as weak (VER_FLG_WEAK in vna_flags of the .gnu.version_r entry), so the dynamic loader
// accepts a system libstdc++ that lacks them. Parses the ELF header, the section headers, and walks the
// verneed/vernaux chain; never guesses offsets. Compiled by MSBuild, not part of any project.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class ZeroGoWeakenElfVersionNeeds : Microsoft.Build.Utilities.Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    // Where Debian, Ubuntu, Fedora and friends keep the C++ runtime the loader will pick.
    private static readonly string[] LibStdCxxCandidates =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/lib64/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
    };

    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Semicolon-separated version names, e.g. GLIBCXX_3.4.32.</summary>
    [Required]
    public string Versions { get; set; } = "";

    public override bool Execute()
    {
        var wanted = new List<string>();
        foreach (var name in Versions.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            wanted.Add(name.Trim());
        }

        string? libStdCxx = FindLibStdCxx();
        var missing = new List<string>();
        if (libStdCxx is null)
        {
            // Weak needs are harmless where the version exists, so patch rather than risk an unloadable library.
            Log.LogMessage(MessageImportance.Low, "ZeroGo: no system libstdc++.so.6 found; weakening " + Versions + " anyway");
            missing.AddRange(wanted);
        }
        else
        {
            byte[] library = File.ReadAllBytes(libStdCxx);
            foreach (var name in wanted)
            {
                if (IndexOf(library, Encoding.ASCII.GetBytes(name + "\0")) < 0)
                {
                    missing.Add(name);
                }
            }
        }

        if (missing.Count == 0)
        {
            Log.LogMessage(MessageImportance.Low, "ZeroGo: " + libStdCxx + " provides " + Versions + "; TorchSharp needs no patch");
            return true;
        }

        foreach (var item in Files)
        {
            string path = item.ItemSpec;
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                int changed = Patch(path, missing);
                Log.LogMessage(changed > 0 ? MessageImportance.Normal : MessageImportance.Low,
                    changed > 0
                        ? "ZeroGo: marked " + changed + " version need(s) weak in " + path
                        : "ZeroGo: " + path + " already patched");
            }
            catch (InvalidDataException e)
            {
                Log.LogError("ZeroGo: cannot patch " + path + ": " + e.Message);
            }
        }

        return !Log.HasLoggedErrors;
    }

    private static string? FindLibStdCxx()
    {
        foreach (var candidate in LibStdCxxCandidates)
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Returns how many vernaux entries it changed (0 when already weak or not needed).</summary>
    internal static int Patch(string path, List<string> versions)
    {
        byte[] elf = File.ReadAllBytes(path);
        var changedOffsets = new List<int>();
        foreach (var (flagsOffset, name) in EnumerateVersionNeeds(elf))
        {
            if (!versions.Contains(name))
            {
                continue;
            }

            ushort flags = ReadU16(elf, flagsOffset);
            if ((flags & VerFlgWeak) == 0)
            {
                WriteU16(elf, flagsOffset, (ushort)(flags | VerFlgWeak));
                changedOffsets.Add(flagsOffset);
            }
        }

        if (changedOffsets.Count == 0)
        {
            return 0;
        }

        // Write beside, then rename over: never modifies a file shared through a hard link (the NuGet cache),
        // and a crash mid-write leaves the old file intact. The timestamp is kept so incremental copies skip it.
        // (Inline tasks compile against netstandard2.0: File.Copy keeps the mode bits, then only the flags change.)
        DateTime lastWrite = File.GetLastWriteTimeUtc(path);
        string temporary = path + ".zerogo-patch";
        File.Copy(path, temporary, true);
        using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write))
        {
            foreach (int offset in changedOffsets)
            {
                stream.Position = offset;
                stream.Write(elf, offset, 2);
            }
        }

        File.SetLastWriteTimeUtc(temporary, lastWrite);
        File.Delete(path);
        File.Move(temporary, path);
        return changedOffsets.Count;
    }

    /// <summary>Yields (file offset of vna_flags, version name) for every vernaux entry of every verneed entry.</summary>
    internal static IEnumerable<(int FlagsOffset, string Name)> EnumerateVersionNeeds(byte[] elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new InvalidDataException("not an ELF file");
        }

        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("not a little-endian ELF64 file");
        }

        long sectionHeaders = (long)ReadU64(elf, 0x28);
        int sectionHeaderSize = ReadU16(elf, 0x3A);
        int sectionCount = ReadU16(elf, 0x3C);
        if (sectionHeaderSize < 64 || sectionHeaders <= 0 || sectionHeaders + (long)sectionHeaderSize * sectionCount > elf.Length)
        {
            throw new InvalidDataException("section header table lies outside the file");
        }

        for (int s = 0; s < sectionCount; s++)
        {
            int header = checked((int)(sectionHeaders + (long)s * sectionHeaderSize));
            if (ReadU32(elf, header + 4) != ShtGnuVerneed)
            {
                continue;
            }

            long offset = (long)ReadU64(elf, header + 0x18);
            long size = (long)ReadU64(elf, header + 0x20);
            int stringSection = (int)ReadU32(elf, header + 0x28);
            int needCount = (int)ReadU32(elf, header + 0x2C);
            if (offset < 0 || size < 0 || offset + size > elf.Length || stringSection >= sectionCount)
            {
                throw new InvalidDataException(".gnu.version_r lies outside the file");
            }

            int stringHeader = checked((int)(sectionHeaders + (long)stringSection * sectionHeaderSize));
            long stringsOffset = (long)ReadU64(elf, stringHeader + 0x18);
            long stringsSize = (long)ReadU64(elf, stringHeader + 0x20);
            if (stringsOffset < 0 || stringsOffset + stringsSize > elf.Length)
            {
                throw new InvalidDataException("the version string table lies outside the file");
            }

            long need = offset;
            for (int n = 0; n < needCount; n++)
            {
                // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
                if (need < offset || need + 16 > offset + size)
                {
                    throw new InvalidDataException("verneed entry outside .gnu.version_r");
                }

                int auxCount = ReadU16(elf, (int)need + 2);
                long aux = need + ReadU32(elf, (int)need + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
                    if (aux < offset || aux + 16 > offset + size)
                    {
                        throw new InvalidDataException("vernaux entry outside .gnu.version_r");
                    }

                    long nameOffset = stringsOffset + ReadU32(elf, (int)aux + 8);
                    yield return ((int)aux + 4, ReadString(elf, nameOffset, stringsOffset + stringsSize));
                    uint nextAux = ReadU32(elf, (int)aux + 12);
                    if (nextAux == 0)
                    {
                        break;
                    }

                    aux += nextAux;
                }

                uint nextNeed = ReadU32(elf, (int)need + 12);
                if (nextNeed == 0)
                {
                    break;
                }

                need += nextNeed;
            }
        }
    }

    private static string ReadString(byte[] data, long start, long limit)
    {
        if (start < 0 || start >= limit)
        {
            throw new InvalidDataException("version name outside the string table");
        }

        long end = start;
        while (end < limit && data[end] != 0)
        {
            end++;
        }

        return Encoding.ASCII.GetString(data, (int)start, (int)(end - start));
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
            {
                j++;
            }

            if (j == needle.Length)
            {
                return i;
            }
        }

        return -1;
    }

    private static ushort ReadU16(byte[] b, int at) => (ushort)(b[at] | (b[at + 1] << 8));

    private static uint ReadU32(byte[] b, int at) => (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));

    private static ulong ReadU64(byte[] b, int at) => ReadU32(b, at) | ((ulong)ReadU32(b, at + 4) << 32);

    private static void WriteU16(byte[] b, int at, ushort value)
    {
        b[at] = (byte)value;
        b[at + 1] = (byte)(value >> 8);
    }
}
