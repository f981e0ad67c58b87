// Drives the sandbox with AWS's own JavaScript SDK (v2), unchanged: its request signing, its JSON
// parsers, its error parsing and its SQS MD5 checks (body and message attributes) must all accept
// what the sandbox sends. Usage: node aws-sdk-v2.js <aws-sdk folder> <endpoint>
const assert = require('assert');
const AWS = require(process.argv[2]);
const config = { endpoint: process.argv[3], region: 'eu-west-1', accessKeyId: 'AKIDJSSDK', secretAccessKey: 'secret', maxRetries: 0 };
const ses = new AWS.SESV2(config);
const sqs = new AWS.SQS(config);

(async () => {
  await ses.createEmailTemplate({ TemplateName: 'js', TemplateContent: { Subject: 'Hi {{name}}', Text: 'Hello {{name}}' } }).promise();
  const bulk = await ses.sendBulkEmail({
    FromEmailAddress: 'shop@example.com',
    DefaultContent: { Template: { TemplateName: 'js', TemplateData: '{"name":"you"}' } },
    BulkEmailEntries: [{ Destination: { ToAddresses: ['success@simulator.amazonses.com'] } }],
  }).promise();
  assert.strictEqual(bulk.BulkEmailEntryResults[0].Status, 'SUCCESS');
  const account = await ses.getAccount({}).promise();
  assert.strictEqual(account.SendQuota.SentLast24Hours, 1);
  const listed = await ses.listEmailTemplates({}).promise();
  assert.ok(listed.TemplatesMetadata[0].CreatedTimestamp instanceof Date);
  await assert.rejects(ses.getEmailTemplate({ TemplateName: 'missing' }).promise(), e => e.code === 'NotFoundException' && e.statusCode === 404);

  const queueUrl = (await sqs.createQueue({ QueueName: 'js-queue' }).promise()).QueueUrl;
  await sqs.sendMessage({
    QueueUrl: queueUrl,
    MessageBody: 'héllo',
    MessageAttributes: {
      text: { DataType: 'String', StringValue: 'v' },
      count: { DataType: 'Number', StringValue: '42' },
      blob: { DataType: 'Binary', BinaryValue: Buffer.from([1, 2, 3]) },
    },
  }).promise();
  const received = await sqs.receiveMessage({ QueueUrl: queueUrl, WaitTimeSeconds: 5, MessageAttributeNames: ['All'], AttributeNames: ['All'] }).promise();
  assert.strictEqual(received.Messages[0].Body, 'héllo');
  assert.strictEqual(received.Messages[0].Attributes.ApproximateReceiveCount, '1');
  await sqs.deleteMessage({ QueueUrl: queueUrl, ReceiptHandle: received.Messages[0].ReceiptHandle }).promise();
  await assert.rejects(sqs.getQueueUrl({ QueueName: 'missing' }).promise(), e => e.statusCode === 400 && /NonExistentQueue/.test(e.code));

  const events = (await sqs.getQueueUrl({ QueueName: 'ses-events' }).promise()).QueueUrl;
  const feed = await sqs.receiveMessage({ QueueUrl: events, MaxNumberOfMessages: 10, WaitTimeSeconds: 10 }).promise();
  const notification = JSON.parse(feed.Messages[0].Body);
  assert.strictEqual(notification.Type, 'Notification');
  assert.ok(['Send', 'Delivery'].includes(JSON.parse(notification.Message).eventType));
  console.log('ok');
})().catch(e => {
  console.error(e.stack || e);
  process.exit(1);
});
