using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Samverkan.Tests.Support;

/// <summary>The web app started as the README starts it in production: <c>dotnet run</c> without the launch profile.</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppProcess(Process process) => this.process = process;

    public static string RepositoryRoot { get; } = FindRoot();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<AppProcess> StartAsync(Dictionary<string, string> environment)
    {
        var app = new AppProcess(Create(environment));
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (app.output)
            {
                app.output.AppendLine(line);
            }

            var match = Regex.Match(line, @"Now listening on: (http://[^\s""]+)");
            if (match.Success)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        app.process.OutputDataReceived += (_, e) => OnLine(e.Data);
        app.process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        app.process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The app stopped:\n" + app.Output));
        app.process.Start();
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        app.BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromMinutes(2));
        return app;
    }

    public static Task<int> RunToExitAsync(Dictionary<string, string> environment, out string text)
    {
        using var process = Create(environment);
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
        }

        text = stdout.Result + stderr.Result;
        return Task.FromResult(process.HasExited ? process.ExitCode : -1);
    }

    private static Process Create(Dictionary<string, string> environment)
    {
        var sqlite = Path.Combine(Path.GetTempPath(), "samverkan_prod_" + Guid.NewGuid().ToString("N")[..10] + ".db");
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--project", "src/Samverkan.Web", "-c", configuration, "--no-build", "--no-launch-profile", "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing from the test run leaks in: the environment is what the README's recipe sets.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal) || k.StartsWith("Samverkan__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ConnectionStrings__Samverkan"] = $"Data Source={sqlite}";
        start.Environment["Smtp__Enabled"] = "false";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new Process { StartInfo = start, EnableRaisingEvents = true };
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Samverkan.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Samverkan.sln) was not found.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
