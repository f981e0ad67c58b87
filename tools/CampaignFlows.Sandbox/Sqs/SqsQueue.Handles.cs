using System.Diagnostics;

namespace CampaignFlows.Sandbox.Sqs;

/// <summary>What happened to a receipt handle passed to delete or change-visibility.</summary>
internal enum HandleResult
{
    Done,
    Invalid,
    NotInFlight,
}

internal sealed partial class SqsQueue
{
    /// <summary>Deletes the message a handle was issued for; a handle of a message already gone succeeds, as in SQS.</summary>
    public HandleResult Delete(string receiptHandle)
    {
        if (!ReceiptHandles.IsWellFormed(receiptHandle)) return HandleResult.Invalid;
        lock (_gate)
        {
            if (_inFlight.Remove(receiptHandle, out var message)) message.Deleted = true;
            return HandleResult.Done;
        }
    }

    public HandleResult ChangeVisibility(string receiptHandle, int visibilitySeconds)
    {
        if (!ReceiptHandles.IsWellFormed(receiptHandle)) return HandleResult.Invalid;
        lock (_gate)
        {
            if (!_inFlight.TryGetValue(receiptHandle, out var message) || message.Deleted || message.ReceiptHandle != receiptHandle)
                return HandleResult.NotInFlight;
            var now = Stopwatch.GetTimestamp();
            if (message.VisibleAt <= now) return HandleResult.NotInFlight;
            Hide(message, now + visibilitySeconds * Stopwatch.Frequency);
            if (visibilitySeconds == 0) Signal();
            return HandleResult.Done;
        }
    }

    private void Signal()
    {
        var arrived = _arrived;
        _arrived = NewSignal();
        arrived.TrySetResult();
    }
}
