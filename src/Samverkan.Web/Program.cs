using Samverkan.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddSamverkan();

var app = builder.Build();
await app.PrepareAsync();
app.UseSamverkan();
await app.RunAsync();

/// <summary>The host's entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
