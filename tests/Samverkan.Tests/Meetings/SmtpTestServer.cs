using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Samverkan.Tests.Meetings;

/// <summary>
/// A real SMTP conversation over TCP on loopback: enough of RFC 5321 for MailKit, recording what it receives. The
/// port is taken at construction (bound to port 0 and kept), so nobody else can take it; until <see cref="Start"/>
/// nothing listens on it and a client is refused, as by a server that is down. A recipient whose address starts
/// with "refused" is rejected with 550.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource stop = new();
    private Task? loop;

    public SmtpTestServer()
    {
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public List<(string[] Recipients, string Data)> Received { get; } = [];

    /// <summary>Called when a message's DATA has arrived, before the server answers 250.</summary>
    public Func<string, Task>? OnData { get; set; }

    public void Start()
    {
        socket.Listen(16);
        loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await socket.AcceptAsync(stop.Token);
                await ConverseAsync(client);
            }
        });
    }

    private async Task ConverseAsync(Socket client)
    {
        await using var stream = new NetworkStream(client, ownsSocket: false);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost SMTP test server");
        var recipients = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "MAIL":
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    var recipient = line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];
                    if (recipient.StartsWith("refused", StringComparison.Ordinal))
                    {
                        await writer.WriteLineAsync("550 5.1.1 No such mailbox");
                        break;
                    }

                    recipients.Add(recipient);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.AppendLine(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine);
                    }

                    if (OnData is { } onData)
                    {
                        await onData(data.ToString());
                    }

                    lock (Received)
                    {
                        Received.Add((recipients.ToArray(), data.ToString()));
                    }

                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        socket.Close();
        if (loop is not null)
        {
            try
            {
                await loop;
            }
            catch (OperationCanceledException)
            {
            }
        }

        stop.Dispose();
        socket.Dispose();
    }
}
