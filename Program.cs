using System.Diagnostics; using MolScreen.Chemistry; using MolScreen.Chemistry.OpenBabel; using MolScreen.Chemistry.Descriptors; using MolScreen.Chemistry.Filters; using MolScreen.Chemistry.Fingerprints; using MolScreen.Chemistry.Smarts;
var smi = File.ReadLines("/usr/share/RDKit/Data/NCI/first_5K.smi").Select(l => l.Split('\t')[0]).ToList();
var t = new Dictionary<string, double>(); void Add(string k, Stopwatch s) { t[k] = t.GetValueOrDefault(k) + s.Elapsed.TotalMilliseconds; }
for (int rep = 0; rep < 2; rep++) { t.Clear();
foreach (var s in smi) { try {
  var sw = Stopwatch.StartNew(); using var m = ObMolecule.FromSmiles(s); Add("parse", sw);
  sw.Restart(); m.Standardize(); Add("standardize", sw);
  sw.Restart(); _ = m.CanonicalSmiles; Add("canonical", sw);
  sw.Restart(); _ = m.InChIKey; Add("inchikey", sw);
  sw.Restart(); var g = m.ToGraph(); Add("graph", sw);
  sw.Restart(); _ = CrippenLogP.Default.LogP(g); Add("crippen", sw);
  sw.Restart(); _ = PainsFilter.Default.Matches(g); Add("pains", sw);
  sw.Restart(); _ = RingPerception.SymmetrizedSssr(g); _ = PolarSurfaceArea.Tpsa(g); _ = CompositionDescriptors.RotatableBonds(g); Add("other descr", sw);
  sw.Restart(); _ = MorganFingerprint.Ecfp4Packed(g); Add("ecfp4", sw);
 } catch (ChemistryException) {} } }
foreach (var (k, v) in t) Console.WriteLine($"{k,-12} {v,8:F0} ms  {v / t.Values.Sum() * 100,5:F1}%");
