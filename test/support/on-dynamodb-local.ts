// `npm run test:dynamodb-local` loads this before the tests: the engine-parameterised tests run on Amazon's
// DynamoDB Local (its --fgrep then selects them). Like DYNAMODB_ENGINE=dynamodb-local, but with any shell.
process.env.DYNAMODB_ENGINE = 'dynamodb-local';
