using MolScreen.Docking.Search;
using MolScreen.Docking.Structure;

namespace MolScreen.Docking.Stage;

/// <summary>
/// A search device that docks many ligands at once (the GPU kernels). The kernels project depends on this one, so the
/// dock stage receives a way to open one rather than referencing it; without one, or when none is present, it docks on
/// the CPU engine.
/// </summary>
public interface IBatchDocker
{
    /// <summary>"gpu", or "ilgpu-cpu" for the kernels on ILGPU's CPU accelerator: what `dock_device` records.</summary>
    string Label { get; }

    /// <summary>Docks every ligand; a ligand the search cannot take gets its error instead of a result.</summary>
    (DockingResult? Result, string? Error)[] Dock(DockingEngine engine, IReadOnlyList<LigandModel> ligands, DockingOptions options);
}
