// Puppeteer must not download its own Chrome here: topodoc uses the system Chromium (see README).
module.exports = { skipDownload: true };
