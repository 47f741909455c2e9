"""PyTorch oracle: a whole MNIST distillation with the authors' defaults (a development tool, not the build).

    python3 tools/pytorch-oracle/distill.py --steps 1 --epochs 3 --outer-epochs 20 --init fixed --seed 1
    python3 tools/pytorch-oracle/distill.py --bench 150 --warmup 20      # timing only, one JSON line like dd bench

Written from the authors' train_distilled_image.py: N(0,1) images, rates softplus(raw) starting at 0.02, Xavier-normal
LeNet with zero biases, T = S*E inner SGD steps unrolled with create_graph, cross-entropy on a shuffled real batch of
1024, Adam(0.01, betas 0.5/0.999) on images and raw rates, StepLR x0.5 every --decay-every epochs. Prints the test
accuracy after every outer epoch (fixed init: the one theta0; random init: 10 fresh nets).

With --bench N it instead times N outer iterations after --warmup W (one thread, float32, real batch 1024, the
default S 10, E 3, random init: the configuration of DESIGN.md's 0.34 s anchor) and prints the median and minimum,
so the anchor can be re-measured beside `dd bench` in the same window of the host's speed.
"""
import argparse
import gzip
import json
import math
import os
import struct
import time

import numpy as np
import torch
import torch.nn.functional as F

from hypergradient import SHAPES, lenet

MEAN, STD = 0.1307, 0.3081


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = struct.unpack(">I", data[:4])[0] & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def mnist(root, split):
    prefix = "train" if split == "train" else "t10k"
    x = (idx(f"{root}/mnist/{prefix}-images-idx3-ubyte.gz").astype(np.float32) / 255.0 - MEAN) / STD
    y = idx(f"{root}/mnist/{prefix}-labels-idx1-ubyte.gz").astype(np.int64)
    return torch.from_numpy(x[:, None]), torch.from_numpy(y)


def xavier(gen):
    parts = []
    for name, shape in SHAPES:
        if name.endswith("bias"):
            parts.append(torch.zeros(shape))
        else:
            receptive = int(np.prod(shape[2:])) if len(shape) > 2 else 1
            std = math.sqrt(2.0 / (shape[1] * receptive + shape[0] * receptive))
            parts.append(torch.randn(shape, generator=gen) * std)
    return torch.cat([p.reshape(-1) for p in parts])


def outer_loss(w0, data, raw, epochs, real_x, real_y):
    rates = F.softplus(raw)
    labels = torch.arange(10)
    w = w0
    for t in range(data.shape[0] * epochs):
        inner = F.cross_entropy(lenet(data[t % data.shape[0]], w), labels)
        grad, = torch.autograd.grad(inner, w, create_graph=True)
        w = w - rates[t] * grad
    return F.cross_entropy(lenet(real_x, w), real_y)


def accuracy(w0, data, raw, epochs, test_x, test_y):
    rates = F.softplus(raw.detach())
    labels = torch.arange(10)
    w = w0.detach().clone().requires_grad_()
    for t in range(data.shape[0] * epochs):
        inner = F.cross_entropy(lenet(data[t % data.shape[0]].detach(), w), labels)
        grad, = torch.autograd.grad(inner, w)
        w = (w - rates[t] * grad).detach().requires_grad_()
    with torch.no_grad():
        correct = sum((lenet(test_x[i:i + 2000], w).argmax(1) == test_y[i:i + 2000]).sum().item()
                      for i in range(0, test_x.shape[0], 2000))
    return correct / test_x.shape[0]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--outer-epochs", type=int, default=400)
    p.add_argument("--decay-every", type=int, default=40)
    p.add_argument("--init", choices=["fixed", "random"], default="fixed")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--data-dir", default=os.environ.get("DD_DATA_DIR", "../shared/datasets"))
    p.add_argument("--bench", type=int, default=0, metavar="N", help="time N outer iterations, print JSON, exit")
    p.add_argument("--warmup", type=int, default=20)
    a = p.parse_args()
    torch.set_num_threads(1)
    gen = torch.Generator().manual_seed(a.seed)
    x, y = mnist(a.data_dir, "train")
    test_x, test_y = mnist(a.data_dir, "test")
    w0 = xavier(gen)
    data = torch.randn(a.steps, 10, 1, 28, 28, generator=gen).requires_grad_()
    raw = torch.full((a.steps * a.epochs,), 0.02).expm1().log().requires_grad_()
    opt = torch.optim.Adam([data, raw], lr=0.01, betas=(0.5, 0.999))
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=a.decay_every, gamma=0.5)

    def score():
        if a.init == "fixed":
            return f"{accuracy(w0, data, raw, a.epochs, test_x, test_y):.4f}"
        accs = [accuracy(xavier(gen), data, raw, a.epochs, test_x, test_y) for _ in range(10)]
        return f"{np.mean(accs):.4f} +- {np.std(accs, ddof=1):.4f} (10 nets)"

    def iteration(batch):
        opt.zero_grad()
        w = (w0 if a.init == "fixed" else xavier(gen)).clone().requires_grad_()
        loss = outer_loss(w, data, raw, a.epochs, x[batch], y[batch])
        loss.backward()
        opt.step()
        return loss

    if a.bench > 0:
        order = torch.randperm(x.shape[0], generator=gen)
        times = []
        for k in range(a.warmup + a.bench):
            i = (k * 1024) % (x.shape[0] - 1024)
            start = time.perf_counter()
            iteration(order[i:i + 1024])
            if k >= a.warmup:
                times.append(time.perf_counter() - start)
        print(json.dumps({"secondsPerIteration": round(float(np.median(times)), 5), "min": round(min(times), 5),
                          "iterations": a.bench, "backend": f"pytorch {torch.__version__}", "threads": 1}))
        return

    print(f"outer epoch 0 accuracy {score()}", flush=True)
    start = time.time()
    for epoch in range(a.outer_epochs):
        order = torch.randperm(x.shape[0], generator=gen)
        for i in range(0, x.shape[0], 1024):
            loss = iteration(order[i:i + 1024])
        sched.step()
        print(f"outer epoch {epoch + 1} loss {loss.item():.4f} accuracy {score()} "
              f"({time.time() - start:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
