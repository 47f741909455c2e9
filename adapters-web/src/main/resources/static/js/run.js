// The run page: live curves (uPlot) fed by the run's server-sent events, and the distilled images refreshed at
// every checkpoint. No build step: plain browser JavaScript.
(function () {
  'use strict';
  const root = document.getElementById('run');
  if (!root) {
    return;
  }
  const name = root.dataset.run;
  const FINAL = ['STOPPED', 'COMPLETED', 'FAILED'];
  let status = root.dataset.status;
  let published = root.dataset.published === 'true';
  const points = new Map(); // iteration -> {iteration, loss, rates}
  let lossPlot = null;
  let ratesPlot = null;
  let drawPending = false;

  const image = document.getElementById('steps-image');
  const noImages = document.getElementById('no-images');
  const caption = document.getElementById('images-caption');

  function showImages(iteration) {
    const stamp = iteration === undefined ? Date.now() : iteration;
    const src = published ? image.dataset.publishedSrc : image.dataset.checkpointSrc;
    image.src = src + '?v=' + encodeURIComponent(stamp);
    caption.textContent = published ? '(published result)'
      : (iteration === undefined ? '(latest checkpoint)' : '(checkpoint after iteration ' + iteration + ')');
  }
  image.addEventListener('error', function () {
    image.hidden = true;
    noImages.hidden = false;
  });
  image.addEventListener('load', function () {
    image.hidden = false;
    noImages.hidden = true;
  });
  showImages();

  function width(el) {
    return Math.max(300, Math.min(720, el.clientWidth || 600));
  }

  function draw() {
    drawPending = false;
    if (typeof uPlot === 'undefined' || points.size === 0) {
      return;
    }
    const sorted = Array.from(points.values()).sort(function (a, b) { return a.iteration - b.iteration; });
    const xs = sorted.map(function (p) { return p.iteration; });
    const losses = sorted.map(function (p) { return p.loss; });
    const t = sorted[sorted.length - 1].rates.length;
    const rateSeries = [];
    for (let i = 0; i < t; i++) {
      rateSeries.push(sorted.map(function (p) { return p.rates.length > i ? p.rates[i] : null; }));
    }
    document.getElementById('charts').hidden = false;
    const lossEl = document.getElementById('loss-chart');
    const ratesEl = document.getElementById('rates-chart');
    if (!lossPlot) {
      lossPlot = new uPlot({
        width: width(lossEl), height: 240,
        scales: { x: { time: false } },
        series: [{ label: 'iteration' }, { label: 'loss', stroke: '#c0392b', width: 1.5 }]
      }, [xs, losses], lossEl);
    } else {
      lossPlot.setData([xs, losses]);
    }
    if (!ratesPlot || ratesPlot.series.length !== t + 1) {
      if (ratesPlot) {
        ratesPlot.destroy();
      }
      const series = [{ label: 'iteration' }];
      for (let i = 0; i < t; i++) {
        series.push({ label: 'η' + i, stroke: 'hsl(' + Math.round(300 * i / Math.max(1, t)) + ',65%,45%)', width: 1 });
      }
      ratesPlot = new uPlot({
        width: width(ratesEl), height: 240, scales: { x: { time: false } }, series: series,
        legend: { show: t <= 10 }
      }, [xs].concat(rateSeries), ratesEl);
    } else {
      ratesPlot.setData([xs].concat(rateSeries));
    }
  }

  function scheduleDraw() {
    if (!drawPending) {
      drawPending = true;
      setTimeout(draw, 500);
    }
  }

  function add(p) {
    points.set(p.iteration, { iteration: p.iteration, loss: p.loss, rates: p.rates || [] });
  }

  function refreshSummary() {
    document.body.dispatchEvent(new Event('dd-refresh'));
  }

  function showProgress(p) {
    const progress = document.getElementById('run-progress');
    const iteration = document.getElementById('run-iteration');
    if (progress && p.totalIterations > 0) {
      progress.value = p.iteration / p.totalIterations;
    }
    if (iteration) {
      iteration.textContent = p.iteration + ' / ' + p.totalIterations + '  (epoch ' + (p.epoch + 1) + ' of '
        + p.outerEpochs + ', loss ' + p.loss.toFixed(4) + ', ETA ' + Math.round(p.etaSeconds / 60) + ' min)';
    }
  }

  if (FINAL.indexOf(status) >= 0 && !window.EventSource) {
    return;
  }
  const events = new EventSource('/api/runs/' + encodeURIComponent(name) + '/events');
  events.addEventListener('history', function (e) {
    JSON.parse(e.data).forEach(add);
    scheduleDraw();
  });
  events.addEventListener('iteration', function (e) {
    const p = JSON.parse(e.data);
    add(p);
    showProgress(p);
    scheduleDraw();
  });
  events.addEventListener('checkpoint', function (e) {
    if (!published) {
      showImages(JSON.parse(e.data).iteration);
    }
  });
  events.addEventListener('phase', function (e) {
    document.getElementById('phase').textContent = '(' + JSON.parse(e.data).phase + ')';
    refreshSummary();
  });
  events.addEventListener('status', function (e) {
    const s = JSON.parse(e.data);
    const changed = s.status !== status;
    status = s.status;
    if (changed) {
      refreshSummary();
    }
    if (FINAL.indexOf(status) >= 0) {
      events.close();
      if (changed) {
        // the result may be published now: reload to show it with the download button
        setTimeout(function () { window.location.reload(); }, 1500);
      }
    }
  });
  events.onerror = function () {
    if (FINAL.indexOf(status) >= 0) {
      events.close();
    }
  };
})();
