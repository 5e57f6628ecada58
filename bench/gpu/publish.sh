#!/usr/bin/env bash
# Publishes the GPU benchmark as one self-contained file for the device machine (CUDA, no .NET): compressed
# single file (~40 MB; plain self-contained is over the 64 MB carry limit). Not trimmed: trimming breaks ILGPU.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
out=${1:-.gpu}
dotnet publish bench/MolScreen.GpuBench/MolScreen.GpuBench.csproj -c Release -r linux-x64 --self-contained \
  -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -p:InvariantGlobalization=true -p:DebugType=none -p:NoLibTorch=true \
  --nologo -v q -o "$out"
ls -la "$out"
