"""PyTorch-autograd oracle for the distillation hypergradient (a development tool, not part of the build).

An independent implementation of one outer iteration of Wang et al. (2018), written the way the authors'
train_distilled_image.py computes it: unroll T = S*E SGD steps with create_graph=True, cross-entropy on the
real batch, torch.autograd for the gradient with respect to the images and the raw (pre-softplus) rates.

    python3 tools/pytorch-oracle/hypergradient.py INPUT_DIR OUTPUT_DIR

INPUT_DIR holds what org.ddjvm.domain.trainer.PyTorchOracleProblem writes (little-endian float64 arrays and
meta.json). OUTPUT_DIR receives pytorch-hypergradient.f64 = [outer loss, d/dimages (S*10*784), d/draw (T)] and
inputs.sha256, the SHA-256 of each input file, so the Java test can tell a changed input from a wrong result.
Tested with Debian bookworm's python3-torch 1.13.1 (apt-get install python3-torch), float64, CPU.
"""
import hashlib
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

SHAPES = [("conv1.weight", (6, 1, 5, 5)), ("conv1.bias", (6,)), ("conv2.weight", (16, 6, 5, 5)),
          ("conv2.bias", (16,)), ("fc1.weight", (120, 400)), ("fc1.bias", (120,)), ("fc2.weight", (84, 120)),
          ("fc2.bias", (84,)), ("fc3.weight", (10, 84)), ("fc3.bias", (10,))]
INPUTS = ["theta0.f64", "images.f64", "raw.f64", "realx.f64", "realy.i64"]


def lenet(x, w):
    parts, offset = [], 0
    for _, shape in SHAPES:
        n = int(np.prod(shape))
        parts.append(w[offset:offset + n].view(shape))
        offset += n
    c1w, c1b, c2w, c2b, f1w, f1b, f2w, f2b, f3w, f3b = parts
    out = F.max_pool2d(F.relu(F.conv2d(x, c1w, c1b, padding=2)), 2)
    out = F.max_pool2d(F.relu(F.conv2d(out, c2w, c2b)), 2)
    out = out.reshape(out.size(0), -1)
    out = F.relu(F.linear(out, f1w, f1b))
    out = F.relu(F.linear(out, f2w, f2b))
    return F.linear(out, f3w, f3b)


def main(indir, outdir):
    torch.set_num_threads(1)
    meta = json.load(open(os.path.join(indir, "meta.json")))
    steps, epochs = meta["steps"], meta["epochs"]

    def f64(name):
        return torch.from_numpy(np.fromfile(os.path.join(indir, name), dtype="<f8"))

    w = f64("theta0.f64").requires_grad_()
    data = f64("images.f64").view(steps, 10, 1, 28, 28).requires_grad_()
    raw = f64("raw.f64").requires_grad_()
    real_x = f64("realx.f64").view(-1, 1, 28, 28)
    real_y = torch.from_numpy(np.fromfile(os.path.join(indir, "realy.i64"), dtype="<i8"))
    labels = torch.arange(10)  # ipc 1: one image per class, class-major

    rates = F.softplus(raw)
    theta = w
    for t in range(steps * epochs):
        inner = F.cross_entropy(lenet(data[t % steps], theta), labels)
        grad, = torch.autograd.grad(inner, theta, create_graph=True)
        theta = theta - rates[t] * grad
    outer = F.cross_entropy(lenet(real_x, theta), real_y)
    d_images, d_raw = torch.autograd.grad(outer, (data, raw))

    os.makedirs(outdir, exist_ok=True)
    np.concatenate([[outer.item()], d_images.numpy().ravel(), d_raw.numpy()]).astype("<f8") \
        .tofile(os.path.join(outdir, "pytorch-hypergradient.f64"))
    with open(os.path.join(outdir, "inputs.sha256"), "w") as out:
        for name in INPUTS:
            digest = hashlib.sha256(open(os.path.join(indir, name), "rb").read()).hexdigest()
            out.write(f"{digest}  {name}\n")
    print(f"torch {torch.__version__}: outer loss {outer.item():.17g}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
