using Microsoft.Extensions.FileProviders;

namespace CampaignFlows.Triggers;

/// <summary>Serves the dashboard's static pages (wwwroot) at <c>/</c>; they call the JSON APIs with the function key.</summary>
public static class DashboardStaticFiles
{
    /// <summary>The folder holding the pages.</summary>
    public const string Folder = "wwwroot";

    /// <summary>Adds the default-document and static-file middleware over the dashboard folder.</summary>
    /// <remarks>The folder is looked up beside the content root first (<c>dotnet run</c>) and then beside the binaries
    /// (tests and published builds), so the pages are found whatever the working directory is.</remarks>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        var folder = new[] { Path.Combine(app.Environment.ContentRootPath, Folder), Path.Combine(AppContext.BaseDirectory, Folder) }
            .FirstOrDefault(Directory.Exists);
        if (folder is null) return app;
        var files = new PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }
}
