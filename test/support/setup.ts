// Loaded before every test file (.mocharc.json).
// The official adapter, used in compatibility tests, brings aws-sdk v2, which prints a notice on load.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
// Nothing in the tests may look for credentials on an EC2 metadata endpoint.
process.env.AWS_EC2_METADATA_DISABLED = 'true';
