using MolScreen.Core.Stages;
using MolScreen.Prediction.Training;

namespace MolScreen.Campaign;

/// <summary>How a compound of the pool is chosen after round 0.</summary>
public enum Acquisition { Greedy, Ucb, Random }
