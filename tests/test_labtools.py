"""Stage 5's trusted pieces: the NumPy LeNet (netcheck) and the helpers run in the worker."""

from __future__ import annotations

import numpy as np
import pytest

from autograder.course.stages import get_stage
from autograder.grading.proxy import SubmissionProxy
from autograder.grading.session import GradingSession
from autograder.lab import labtools, netcheck
from autograder.sandbox.protocol import Handle
from autograder.sandbox.target import Target
from tests.support import KIT, LENET_REFERENCE

torch = pytest.importorskip("torch")


@pytest.fixture(scope="module")
def lab(lenet_lab):
    return lenet_lab


@pytest.mark.parametrize("modern", [False, True])
def test_numpy_lenet_computes_what_torch_computes(lab, modern):
    torch.manual_seed(7)
    net = lab.lenet(modern)
    for parameter in net.parameters():  # larger weights than the default: a harder test
        torch.nn.init.normal_(parameter, std=0.3)
    images = np.random.default_rng(1).random((5, 1, 28, 28)).astype(np.float32)
    expected = labtools.forward(net, images)
    got = netcheck.lenet_forward(labtools.parameters(net), images, modern)
    # torch computes in float32: outputs of size ~100 differ by up to ~1e-4 (one run in
    # twenty failed a fixed atol of 1e-5), so the tolerance follows the outputs' scale
    assert np.allclose(got, expected, rtol=1e-4, atol=1e-6 * float(np.abs(expected).max()))
    assert netcheck.layer_shapes(modern) == lab.layer_shapes(net)
    assert netcheck.LENET_PARAMETERS == labtools.parameter_count(net) == 61_706


def test_numpy_lenet_tells_which_layer_is_wrong():
    shapes = [list(s) for s in netcheck.LENET_PARAMETER_SHAPES]
    shapes[4] = [100, 400]
    problem = netcheck.shape_problem([tuple(s) for s in shapes])
    assert problem is not None and "tensor 4 has shape (100, 400)" in problem
    assert "tensors" in (netcheck.shape_problem(netcheck.LENET_PARAMETER_SHAPES[:6]) or "")
    with pytest.raises(ValueError, match="LeNet-5"):
        netcheck.lenet_forward([np.zeros(s) for s in shapes], np.zeros((1, 1, 28, 28)))


def test_accuracy_counts_examples_across_batches():
    params = [np.zeros(s) for s in netcheck.LENET_PARAMETER_SHAPES]
    params[-1][3] = 1.0  # the bias of the last layer: always class 3
    labels = np.array([3] * 7 + [1] * 3)
    images = np.zeros((10, 1, 28, 28))
    assert netcheck.accuracy(params, images, labels, modern=True, batch=4) == 0.7


def test_device_log_notes_moves_of_model_and_batches(lab):
    net = lab.lenet(modern=True)
    labtools.watch(net)
    labtools.device_log()
    data = labtools.traced_iter(np.zeros((10, 1, 28, 28)), np.zeros(10), batch_size=4)
    for X, y in data:
        moved = X.to("cpu")
        assert type(moved) is torch.Tensor  # the move itself yields a plain tensor
        assert type(X + 1) is torch.Tensor  # as does any other operation
        y.float()  # a dtype change is not a move
    net.to(torch.device("cpu"))
    log = labtools.device_log()
    assert log == [["X", "cpu"]] * 3 + [["model", "cpu"]]
    assert labtools.batches_served(data) == 3 and len(data) == 3
    assert labtools.device_log() == []  # reading the log empties it


@pytest.fixture
def lenet_session(tmp_path):
    upload = tmp_path / "lenet.py"
    upload.write_text(LENET_REFERENCE.read_text())
    session = GradingSession(get_stage("lenet", KIT), upload)
    yield SubmissionProxy(session)
    session.close()


def test_objects_come_back_as_handles_and_tools_run_in_the_worker(lenet_session):
    submission = lenet_session
    net = submission.lenet(modern=True)  # keep_objects: no .keep needed
    device = submission.try_gpu()
    assert isinstance(net, Handle) and net.type_name == "Sequential"
    assert isinstance(device, Handle) and device.type_name == "device"
    tools = submission.tools
    assert tools.device_type(device) == "cpu"
    assert tools.parameter_count(net) == 61_706
    weights = tools.parameters(net)
    assert [w.shape for w in weights] == list(netcheck.LENET_PARAMETER_SHAPES)
    shapes = submission.layer_shapes(net)  # plain data stays plain
    assert [tuple(s) for _, s in shapes] == [s for _, s in netcheck.layer_shapes(True)]
    with pytest.raises(AttributeError, match="no tool"):
        tools.read_hidden_tests  # noqa: B018 - only the listed helpers can be called


def test_unknown_tools_are_refused_by_the_worker(lenet_session):
    session = lenet_session._session
    # a grader bug, not a student fault
    with pytest.raises(RuntimeError, match=r"has no tool 'os\.system'"):
        session.call(Target.tool("os.system"), ("id",), {}, "a forged tool call")


def test_a_stage_without_tools_has_none():
    """Stages 1-4 name no tools module: their workers import no course code, and a tool call
    is refused (a grader bug, not the student's fault)."""
    stage = get_stage("correlate2d", KIT)
    assert stage.config.grading.tools == ""
    session = GradingSession(stage, stage.reference)
    try:
        with pytest.raises(RuntimeError, match="has no tool 'data_iter'"):
            session.call(Target.tool("data_iter"), (), {}, "a tool call in stage 1")
    finally:
        session.close()
