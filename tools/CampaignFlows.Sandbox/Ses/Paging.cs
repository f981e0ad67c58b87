using System.Globalization;

namespace CampaignFlows.Sandbox.Ses;

/// <summary>SES's NextToken/PageSize paging over an ordered list; the token is the next index.</summary>
internal static class Paging
{
    public static (List<T> Page, string? NextToken) Page<T>(SesCall call, List<T> all, int defaultSize, int maxSize)
    {
        var size = defaultSize;
        if (call.Query("PageSize") is { } pageSize && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > maxSize))
            throw SesErrors.BadRequest($"PageSize must be an integer from 1 to {maxSize}, got '{pageSize}'.");
        var start = 0;
        if (call.Query("NextToken") is { } token && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start > all.Count))
            throw SesErrors.BadRequest($"NextToken '{token}' is invalid.");
        var page = all.Skip(start).Take(size).ToList();
        var next = start + size < all.Count ? (start + size).ToString(CultureInfo.InvariantCulture) : null;
        return (page, next);
    }
}
