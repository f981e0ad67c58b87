var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => TypedResults.Ok(new { status = "Healthy" }));
app.Run();

/// <summary>The function app's entry point; public so functional tests can host it.</summary>
public partial class Program;
