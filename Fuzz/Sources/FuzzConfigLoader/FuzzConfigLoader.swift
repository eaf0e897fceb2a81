import Foundation
import ScopeDiagnostics
import ScopeLoad

/// A data folder of this process's own: the input becomes its review.yaml, beside a fixed sheet and
/// excluded list (the default review's header and first rows), so a config that names them runs through
/// sheet validation too.
let dataFolder: URL = {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("scopereport-fuzz-config-\(ProcessInfo.processInfo.processIdentifier)")
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(fixedSheet.utf8).write(to: folder.appendingPathComponent("studies.csv"))
        try Data(fixedExcluded.utf8).write(to: folder.appendingPathComponent("excluded.csv"))
    } catch {
        fatalError("cannot set up the fuzz data folder \(folder.path): \(error)")
    }
    return folder
}()

/// libFuzzer's entry point. A `LoadFailure` is the loader's answer to a bad config; only a crash, a trap
/// or a sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfigLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let config = dataFolder.appendingPathComponent(ReviewLoader.configFileName)
    do {
        try Data(UnsafeBufferPointer(start: data, count: size)).write(to: config)
    } catch {
        fatalError("cannot write the fuzz input to \(config.path): \(error)")
    }
    let loader = ReviewLoader(dataDirectory: dataFolder, displayDirectory: "review-data")
    switch loader.load() {
    case .success: break
    case .failure(let failure):
        // A failed load must say why: an empty list would leave the user with exit code 65 and no message.
        precondition(!failure.diagnostics.isEmpty, "a failed load without a diagnostic")
    }
    return 0
}

// The default review's header and first rows (review-data/studies.csv, review-data/excluded.csv).
let fixedSheet = #"""
    id,first_author,year,title,journal,doi,country,design,tumour_site,tumour_entities,tumour_detail,task,task_detail,modalities,modality_detail,ml_family,ml_methods,method_detail,n_patients,n_images,n_labels,validation,validation_detail,auc,accuracy,sensitivity,specificity,dice,compared_with_radiologists,checked,notes,source_url
    GarciaGomez2004,García-Gómez JM,2004,Benign/malignant classifier of soft tissue tumors using MR imaging,"MAGMA (Magnetic Resonance Materials in Physics, Biology and Medicine)",,,multi-centre database (several European multicenter registers),soft tissue,mixed soft-tissue tumours,benign soft-tissue tumours;malignant soft-tissue tumours (61 histologies),diagnosis,diagnosis (benign vs malignant),MRI,MRI (classical MR imaging findings) + epidemiological data,classical ML,SVM;k-nearest neighbours;neural network,artificial neural network (back-propagation);SVM;k-nearest neighbor,430,,2,hold-out,hold-out (302 training / 128 new test cases),,,,,,not reported,yes,"MAGMA Feb 2004;16(4):194-201. No DOI on the record read. Performance '88–92% efficacy' on 128 unseen cases is a range across methods (best = back-propagation ANN), so accuracy left blank. Inputs are human-read MR findings (data retrieved from images). Malignant group (25 histologies) composition not given. Values read on a mirror of the abstract.",
    Juntu2010,Juntu J,2010,Machine learning study of several classifiers trained with texture analysis features to differentiate benign from malignant soft-tissue tumors in T1-MRI images,Journal of Magnetic Resonance Imaging,10.1002/jmri.22095,Belgium,,soft tissue,mixed soft-tissue tumours,benign soft-tissue tumours;malignant soft-tissue tumours,diagnosis,diagnosis (benign vs malignant),MRI,MRI (non-enhanced T1),classical ML,SVM;neural network;decision tree,SVM;neural network;C4.5 decision tree,135,,2,not reported,,,0.93,0.94,0.91,,yes,yes,"J Magn Reson Imaging 2010 Mar;31(3):680-9 (also PubMed mirror 47.251.13.51:8081/20187212). Country from affiliation (Univ. Antwerp, Belgium). n_patients = 49 malignant + 86 benign 'cases' (derived sum; abstract counts cases/tumours). Metrics = SVM (best); radiologist 90% acc (92% spec, 81% sens). Validation scheme not stated in abstract. Composition of malignant group not given (check for non-sarcoma malignancies at full text). Values read on a mirror of the abstract.",https://doi.org/10.1002/jmri.22095
    """#

let fixedExcluded = #"""
    id,title,doi,stage,reason
    ADChist_PMID29469942,"Whole-tumour ADC histogram analysis, benign peripheral neurogenic tumours vs soft tissue sarcomas (JMRI 2018; exact title not captured)",,eligibility,ADC histogram parameters with per-parameter ROC; no learned classifier
    Chianca2021,"Radiomic Machine Learning Classifiers in Spine Bone Tumors: A Multi-Software, Multi-Scanner Study",10.1016/j.ejrad.2021.109586,eligibility,"Spine metastases form a class (3-label: benign / primary malignant / metastases; 2-label malignant includes metastases), so not primary malignant MSK only."
    """#
