using System.Runtime.InteropServices;
using System.Text;
using static TorchSharp.torch;

namespace ZeroGo.Neural.Optimizers;

/// <summary>What an optimiser state file holds: the optimiser's kind, its step count and its state tensors' values.</summary>
public sealed record OptimizerState(string Kind, long StepsTaken, IReadOnlyList<float[]> Tensors);

/// <summary>
/// ZeroGo's optimiser state file: a magic line, the kind, the step count, then each state tensor as its length and
/// little-endian float32 values. Written to a temporary file and moved into place, so a killed process leaves the
/// old file or the new one. A file of another format (TorchSharp's, from before) or a cut one is refused with the
/// reason; the trainers then restart momentum rather than fail.
/// </summary>
public static class OptimizerStateFile
{
    private const string Magic = "ZeroGo optimizer state";
    private const int Version = 1;

    public static void Write(string path, string kind, long stepsTaken, IReadOnlyList<Tensor> tensors)
    {
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(kind);
            writer.Write(stepsTaken);
            writer.Write(tensors.Count);
            foreach (var tensor in tensors)
            {
                using var onCpu = tensor.detach().to(ScalarType.Float32).cpu().contiguous();
                var values = onCpu.data<float>().ToArray();
                writer.Write(values.LongLength);
                writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static OptimizerState Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            if (stream.Length < Magic.Length + 1 || reader.ReadString() != Magic)
            {
                throw new InvalidDataException($"{path} is not a ZeroGo optimiser state (an older checkpoint's TorchSharp format, or another file)");
            }

            int version = reader.ReadInt32();
            if (version != Version)
            {
                throw new InvalidDataException($"{path}: optimiser state version {version}; this ZeroGo reads version {Version}");
            }

            string kind = reader.ReadString();
            long steps = reader.ReadInt64();
            int count = reader.ReadInt32();
            if (count is < 0 or > 100_000 || steps < 0)
            {
                throw new InvalidDataException($"{path}: {count} state tensors after {steps} steps is not a state");
            }

            var tensors = new List<float[]>(count);
            for (int i = 0; i < count; i++)
            {
                long length = reader.ReadInt64();
                if (length < 0 || length * sizeof(float) > stream.Length - stream.Position)
                {
                    throw new InvalidDataException($"{path}: state tensor {i} claims {length} values, more than the file holds");
                }

                var values = new float[length];
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
                tensors.Add(values);
            }

            if (stream.Position != stream.Length)
            {
                throw new InvalidDataException($"{path}: {stream.Length - stream.Position} bytes after the last state tensor");
            }

            return new OptimizerState(kind, steps, tensors);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path} ends in the middle of the optimiser state (cut short)");
        }
    }
}
