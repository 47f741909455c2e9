// The run page: the loss and rate curves (uPlot), drawn first from the run's stored history (GET .../history: the
// loss of every iteration, the rates at every checkpoint) and then extended by its server-sent events; the distilled
// images refreshed at every checkpoint. No build step: plain browser JavaScript.
(function () {
  'use strict';
  const root = document.getElementById('run');
  if (!root) {
    return;
  }
  const name = root.dataset.run;
  const api = '/api/runs/' + encodeURIComponent(name);
  const FINAL = ['STOPPED', 'COMPLETED', 'FAILED'];
  let status = root.dataset.status;
  let published = root.dataset.published === 'true';
  let total = Number(root.dataset.total) || 0;
  const points = new Map(); // iteration -> {iteration, loss, rates (null where only the loss is known)}
  let lossPlot = null;
  let ratesPlot = null;
  let drawPending = false;
  // iterations are whole numbers: no tick at 2.5 (a fresh copy per chart: uPlot keeps what it is given)
  function axes() {
    return [{ incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000] }, {}];
  }

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
    let t = 0;
    sorted.forEach(function (p) { t = Math.max(t, p.rates ? p.rates.length : 0); });
    const rateSeries = [];
    for (let i = 0; i < t; i++) {
      rateSeries.push(sorted.map(function (p) { return p.rates && p.rates.length > i ? p.rates[i] : null; }));
    }
    document.getElementById('charts').hidden = false;
    document.getElementById('curve-extent').textContent = 'Loss of ' + sorted.length
      + (total > 0 ? ' of ' + total : '') + ' iterations (' + xs[0] + '–' + xs[xs.length - 1] + ')';
    const lossEl = document.getElementById('loss-chart');
    const ratesEl = document.getElementById('rates-chart');
    if (!lossPlot) {
      lossPlot = new uPlot({
        width: width(lossEl), height: 240,
        scales: { x: { time: false } }, axes: axes(),
        series: [{ label: 'iteration' }, { label: 'loss', stroke: '#c0392b', width: 1.5 }]
      }, [xs, losses], lossEl);
    } else {
      lossPlot.setData([xs, losses]);
    }
    if (t === 0) {
      return;
    }
    if (!ratesPlot || ratesPlot.series.length !== t + 1) {
      if (ratesPlot) {
        ratesPlot.destroy();
      }
      const series = [{ label: 'iteration' }];
      for (let i = 0; i < t; i++) {
        // stored rates exist at checkpoints only: join them across the iterations in between
        series.push({ label: 'η' + i, stroke: 'hsl(' + Math.round(300 * i / Math.max(1, t)) + ',65%,45%)',
          width: 1, spanGaps: true });
      }
      ratesPlot = new uPlot({
        width: width(ratesEl), height: 240, scales: { x: { time: false } }, axes: axes(), series: series,
        legend: { show: t <= 10 }
      }, [xs].concat(rateSeries), ratesEl);
    } else {
      ratesPlot.setData([xs].concat(rateSeries));
    }
  }

  function scheduleDraw() {
    if (!drawPending) {
      drawPending = true;
      setTimeout(draw, 300);
    }
  }

  // a point seen live carries the rates of that iteration; a stored one may not: never drop rates already known
  function add(p) {
    const known = points.get(p.iteration);
    const rates = p.rates && p.rates.length ? p.rates : (known ? known.rates : null);
    points.set(p.iteration, { iteration: p.iteration, loss: p.loss, rates: rates });
  }

  function addStored(history) {
    if (history.totalIterations > 0) {
      total = history.totalIterations;
    }
    history.chunks.forEach(function (c) {
      const last = c.losses.length - 1;
      c.losses.forEach(function (loss, i) {
        add({ iteration: c.firstIteration + i, loss: loss, rates: i === last ? c.rates : null });
      });
    });
  }

  function refreshSummary() {
    document.body.dispatchEvent(new Event('dd-refresh'));
  }

  function setText(id, text) {
    const el = document.getElementById(id);
    if (el) {
      el.textContent = text;
    }
  }

  // the same elements, in the same format, as the server renders in the summary (which htmx refreshes)
  function showProgress(p) {
    const progress = document.getElementById('run-progress');
    if (progress && p.totalIterations > 0) {
      progress.value = p.iteration / p.totalIterations;
    }
    setText('run-iteration', p.iteration + ' / ' + p.totalIterations);
    setText('run-epoch', '(epoch ' + (p.epoch + 1) + ' of ' + p.outerEpochs + ')');
    setText('run-eta', isFinite(p.etaSeconds) ? 'ETA ' + (p.etaSeconds / 60).toFixed(1) + ' min' : '');
    setText('run-loss', p.loss.toFixed(4));
  }

  function listen() {
    if (FINAL.indexOf(status) >= 0 && !window.EventSource) {
      return;
    }
    const events = new EventSource(api + '/events');
    events.addEventListener('history', function (e) {
      JSON.parse(e.data).forEach(add);
      scheduleDraw();
    });
    events.addEventListener('iteration', function (e) {
      const p = JSON.parse(e.data);
      total = p.totalIterations;
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
      if (FINAL.indexOf(status) >= 0 && changed) {
        // the result may be published now: reload to show it with the download button
        setTimeout(function () { window.location.reload(); }, 1500);
      }
      // after a final status the server sends what it still has (the history on connect) and ends the stream
    });
    events.onerror = function () {
      if (FINAL.indexOf(status) >= 0) {
        events.close(); // ended by the server: do not reconnect
      }
    };
  }

  // the stored history first (whoever ran the run, whenever), then the live points on top of it
  // (X-Requested-With: a lapsed session answers 401 without the Basic challenge, so no password dialog)
  fetch(api + '/history', { headers: { Accept: 'application/json', 'X-Requested-With': 'fetch' },
    credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (history) {
      if (history) {
        addStored(history);
        scheduleDraw();
      }
    })
    .catch(function () { /* no stored history: the live points alone */ })
    .then(listen);
})();
