#!/usr/bin/env node
// First paint of a page as a phone on DevTools' "Slow 3G" gets it (2,000 ms request latency, 400 kbit/s both ways)
// with a 4× slower CPU, a cold cache, 360 × 740 at 2× density; five runs, with the requests and bytes on the wire
// (headers included) up to the load event. Needs Chromium and puppeteer-core from npm:
//
//     npm install --prefix /tmp/pp puppeteer-core
//     NODE_PATH=/tmp/pp/node_modules scripts/first-paint.js http://127.0.0.1:4000/fr/
const puppeteer = require('puppeteer-core');

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new'],
  });
  for (let run = 0; run < 5; run++) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({width: 360, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true});
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', {cacheDisabled: true});
    await cdp.send('Network.emulateNetworkConditions',
      {offline: false, latency: 2000, downloadThroughput: 50000, uploadThroughput: 50000});
    await cdp.send('Emulation.setCPUThrottlingRate', {rate: 4});
    let bytes = 0, requests = 0;
    cdp.on('Network.loadingFinished', e => { bytes += e.encodedDataLength; requests++; });
    await page.goto(process.argv[2], {waitUntil: 'load', timeout: 120000});
    await new Promise(done => setTimeout(done, 500));
    const paint = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('paint').map(e => [e.name, Math.round(e.startTime)])));
    console.log(`first paint ${paint['first-paint']} ms, first contentful paint ${paint['first-contentful-paint']} ms, `
      + `${requests} requests, ${bytes} bytes on the wire`);
    await context.close();
  }
  await browser.close();
})();
