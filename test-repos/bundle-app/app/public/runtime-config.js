// Served as is from public/: every visitor can read it.
window.RUNTIME_CONFIG = {
  region: "eu-west-1",
  accessKeyId: "AKIAFHKT423RQ5RW4N6A",
  secretAccessKey: "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",
};
