namespace CampaignFlows.Sandbox.Ses;

/// <summary>
/// SES's reputation enforcement: the bounce rate over the most recent recipients puts the account under
/// review at 5% and pauses its sending at 10%, once enough recipients were seen.
/// </summary>
/// <remarks>A pause latches, as SES's does, until the account is reset or resumed through the admin API.</remarks>
internal sealed class Reputation
{
    private const double ProbationRate = 0.05;
    private const double ShutdownRate = 0.10;
    private readonly Lock _gate = new();
    private bool[] _bounced = new bool[1];
    private int _next;
    private int _seen;
    private int _bounces;
    private volatile bool _shutdown;

    public bool IsShutdown => _shutdown;

    public double BounceRate
    {
        get { lock (_gate) return _seen == 0 ? 0 : (double)_bounces / _seen; }
    }

    public string EnforcementStatus(int minimumSample)
    {
        if (_shutdown) return "SHUTDOWN";
        lock (_gate) return _seen >= minimumSample && (double)_bounces / _seen >= ProbationRate ? "PROBATION" : "HEALTHY";
    }

    public void Record(ReadOnlySpan<bool> bounced, int window, int minimumSample)
    {
        lock (_gate)
        {
            if (_bounced.Length != window) Resize(window);
            foreach (var b in bounced)
            {
                if (_seen == window)
                {
                    if (_bounced[_next]) _bounces--;
                }
                else _seen++;
                _bounced[_next] = b;
                if (b) _bounces++;
                _next = (_next + 1) % window;
            }
            if (_seen >= minimumSample && (double)_bounces / _seen >= ShutdownRate) _shutdown = true;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            Array.Clear(_bounced);
            (_next, _seen, _bounces, _shutdown) = (0, 0, 0, false);
        }
    }

    private void Resize(int window)
    {
        _bounced = new bool[window];
        (_next, _seen, _bounces) = (0, 0, 0);
    }
}
